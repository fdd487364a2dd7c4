import type { Driver } from 'neo4j-driver';
import { serviceUnavailable } from '../errors.js';
import { isDatabaseUnavailable } from './isDatabaseUnavailable.js';
import { isPoolExhausted } from './isPoolExhausted.js';
import { withTimeout } from './withTimeout.js';
import { describeNeo4jFailure } from './describeNeo4jFailure.js';

export interface Neo4jMonitorOptions {
  driver: Driver;
  database?: string | undefined;
  /** While the circuit is open, how often Neo4j is probed. Default 1 s. */
  probeIntervalMs?: number;
  /** How long a probe waits for an answer: a paused Neo4j hangs probes too. Default 1 s. */
  probeTimeoutMs?: number;
  /** Requests in a row that found Neo4j unresponsive before the circuit opens. Default 3. */
  failureThreshold?: number;
  onChange?: (available: boolean, reason: string | null) => void;
}

/** `closed`: requests go to Neo4j; `open`: they fail at once while probes check whether Neo4j answers again. */
export type CircuitState = 'closed' | 'open';

/**
 * A circuit breaker in front of Neo4j. It opens at once when a request finds Neo4j unreachable, and after
 * `failureThreshold` requests in a row found it unresponsive (no connection within the acquisition timeout, which
 * is what a hung or paused Neo4j looks like). While open, requests fail at once with SERVICE_UNAVAILABLE instead of
 * each waiting out the timeouts, and a probe with its own short timeout runs every `probeIntervalMs` (half-open);
 * the first probe Neo4j answers closes the circuit again, with no restart needed.
 */
export interface Neo4jMonitor {
  /** Throws SERVICE_UNAVAILABLE (HTTP 503) while the circuit is open. */
  assertAvailable(): void;
  /** A request failed: unreachable opens the circuit, unresponsive counts toward the threshold, anything else is ignored. */
  reportFailure(error: unknown): void;
  /** A request got its answers from Neo4j: the count of failures in a row starts over. */
  reportSuccess(): void;
  readonly state: CircuitState;
  /** Why Neo4j is considered down, or null. */
  readonly reason: string | null;
  /** Stops probing. */
  close(): void;
}

export function createNeo4jMonitor({
  driver,
  database,
  probeIntervalMs = 1_000,
  probeTimeoutMs = 1_000,
  failureThreshold = 3,
  onChange,
}: Neo4jMonitorOptions): Neo4jMonitor {
  let reason: string | null = null;
  let failures = 0;
  let timer: NodeJS.Timeout | null = null;
  let probing = false;

  const probe = async () => {
    if (probing || reason === null) return;
    probing = true;
    try {
      await withTimeout(driver.executeQuery('RETURN 1', {}, { database }), probeTimeoutMs);
      closeCircuit();
    } catch {
      // still down; the next tick tries again
    } finally {
      probing = false;
    }
  };

  const open = (why: string) => {
    const wasClosed = reason === null;
    reason = why;
    if (!timer) {
      timer = setInterval(() => void probe(), probeIntervalMs);
      timer.unref();
    }
    if (wasClosed) onChange?.(false, reason);
  };

  const closeCircuit = () => {
    if (timer) clearInterval(timer);
    timer = null;
    failures = 0;
    if (reason === null) return;
    reason = null;
    onChange?.(true, null);
  };

  const reportUnavailable = (error: unknown) => {
    open(`Neo4j is not reachable (${describeNeo4jFailure(error)})`);
  };

  return {
    assertAvailable() {
      if (reason !== null) throw serviceUnavailable(reason);
    },
    reportFailure(error) {
      if (isDatabaseUnavailable(error)) {
        reportUnavailable(error);
      } else if (isPoolExhausted(error)) {
        failures += 1;
        if (failures >= failureThreshold && reason === null)
          open(`Neo4j is not responding (${failures} requests in a row got no connection in time)`);
      }
    },
    reportSuccess() {
      failures = 0;
    },
    get state() {
      return reason === null ? 'closed' : 'open';
    },
    get reason() {
      return reason;
    },
    close() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}

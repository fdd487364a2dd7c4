import type { Driver } from 'neo4j-driver';
import { serviceUnavailable } from '../errors.js';

export interface Neo4jMonitorOptions {
  driver: Driver;
  database?: string | undefined;
  /** While Neo4j is down, how often it is probed. */
  probeIntervalMs?: number;
  onChange?: (available: boolean, reason: string | null) => void;
}

/**
 * A circuit breaker in front of Neo4j. Once a request finds Neo4j unreachable, later requests fail at once with
 * SERVICE_UNAVAILABLE (instead of each waiting out connection retries) while a probe checks every
 * `probeIntervalMs`; the first successful probe closes the circuit again, with no restart needed.
 */
export interface Neo4jMonitor {
  /** Throws SERVICE_UNAVAILABLE (HTTP 503) while Neo4j is known to be down. */
  assertAvailable(): void;
  /** Opens the circuit; called when a request met an unreachable Neo4j. */
  reportUnavailable(error: unknown): void;
  /** Why Neo4j is considered down, or null. */
  readonly reason: string | null;
  /** Stops probing. */
  close(): void;
}

export function createNeo4jMonitor({ driver, database, probeIntervalMs = 1_000, onChange }: Neo4jMonitorOptions): Neo4jMonitor {
  let reason: string | null = null;
  let timer: NodeJS.Timeout | null = null;
  let probing = false;

  const probe = async () => {
    if (probing) return;
    probing = true;
    try {
      await driver.verifyConnectivity({ database });
      reason = null;
      if (timer) clearInterval(timer);
      timer = null;
      onChange?.(true, null);
    } catch {
      // still down; the next tick tries again
    } finally {
      probing = false;
    }
  };

  return {
    assertAvailable() {
      if (reason !== null) throw serviceUnavailable(reason);
    },
    reportUnavailable(error) {
      const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
      const wasUp = reason === null;
      reason = `Neo4j is not reachable (${message})`;
      if (!timer) {
        timer = setInterval(() => void probe(), probeIntervalMs);
        timer.unref();
      }
      if (wasUp) onChange?.(false, reason);
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

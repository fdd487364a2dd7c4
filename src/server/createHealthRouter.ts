import { Router, type Response } from 'express';
import type { Driver } from 'neo4j-driver';
import { assertNever } from '../domain/assertNever.js';
import type { Neo4jSupervision, SupervisedNeo4jStatus } from '../neo4j/superviseEmbeddedNeo4j.js';
import { describeNeo4jFailure } from './describeNeo4jFailure.js';
import { withTimeout } from './withTimeout.js';

export interface HealthRouterOptions {
  driver: Driver;
  database?: string | undefined;
  /** How long a readiness probe waits for Neo4j. */
  probeTimeoutMs?: number;
  /** The embedded Neo4j's supervisor; absent when Neo4j runs elsewhere (NEO4J_URI). */
  supervisor?: Neo4jSupervision | undefined;
  /** The circuit breaker: while it is open, /ready answers 503 at once with its reason instead of probing. */
  circuit?: { readonly reason: string | null } | undefined;
}

/**
 * `GET /health` (liveness): 200 while the process serves requests, including while the embedded Neo4j restarts;
 * 503 once its supervisor gave up (only a new process can help) or while it stops. The body tells the supervised
 * Neo4j's state. `GET /ready`: 200 when Neo4j answers a query, else 503 with the reason, re-checked on every call so
 * it recovers by itself.
 */
export function createHealthRouter({
  driver,
  database,
  probeTimeoutMs = 3_000,
  supervisor,
  circuit,
}: HealthRouterOptions): Router {
  const router = Router();
  router.get('/health', (_request, response) => {
    if (!supervisor) {
      response.json({ status: 'ok', neo4j: { embedded: false } });
      return;
    }
    const status = supervisor.status();
    const neo4j = {
      embedded: true,
      state: status.state,
      restarts: status.restarts,
      ...(status.pid === null ? {} : { pid: status.pid }),
    };
    switch (status.state) {
      case 'running':
        response.json({ status: 'ok', neo4j });
        return;
      case 'restarting':
        response.json({ status: 'degraded', neo4j: { ...neo4j, attempt: status.attempt } });
        return;
      case 'stopped':
        response.status(503).json({ status: 'stopping', neo4j });
        return;
      case 'failed':
        response.status(503).json({ status: 'failed', neo4j: { ...neo4j, attempts: status.attempt } });
        return;
      default:
        assertNever(status.state);
    }
  });
  router.get('/ready', async (_request, response) => {
    const supervised = supervisor?.status();
    if (supervised && supervised.state !== 'running') {
      unavailable(response, notRunning(supervised));
      return;
    }
    if (circuit?.reason) {
      unavailable(response, circuit.reason);
      return;
    }
    try {
      await withTimeout(driver.executeQuery('RETURN 1', {}, { database }), probeTimeoutMs);
      response.json({ status: 'ready', neo4j: 'reachable' });
    } catch (error) {
      unavailable(response, `Neo4j is not reachable: ${describeNeo4jFailure(error)}`);
    }
  });
  return router;
}

function unavailable(response: Response, reason: string): void {
  response.status(503).json({ status: 'unavailable', reason });
}

function notRunning(status: SupervisedNeo4jStatus): string {
  switch (status.state) {
    case 'restarting':
      return `restarting the embedded Neo4j (attempt ${status.attempt})`;
    case 'failed':
      return `the embedded Neo4j stopped and its supervisor gave up after ${status.attempt} restart attempts`;
    case 'stopped':
      return 'the embedded Neo4j is stopped: the server is shutting down';
    case 'running':
      return 'the embedded Neo4j is running';
    default:
      return assertNever(status.state);
  }
}

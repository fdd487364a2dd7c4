import { Router } from 'express';
import type { Driver } from 'neo4j-driver';

export interface HealthRouterOptions {
  driver: Driver;
  database?: string | undefined;
  /** How long a readiness probe waits for Neo4j. */
  probeTimeoutMs?: number;
}

/**
 * `GET /health`: 200 while the process serves requests. `GET /ready`: 200 when Neo4j answers a query, else 503
 * with the reason, re-checked on every call so it recovers by itself.
 */
export function createHealthRouter({ driver, database, probeTimeoutMs = 3_000 }: HealthRouterOptions): Router {
  const router = Router();
  router.get('/health', (_request, response) => {
    response.json({ status: 'ok' });
  });
  router.get('/ready', async (_request, response) => {
    try {
      await withTimeout(driver.executeQuery('RETURN 1', {}, { database }), probeTimeoutMs);
      response.json({ status: 'ready', neo4j: 'reachable' });
    } catch (error) {
      response.status(503).json({ status: 'unavailable', reason: `Neo4j is not reachable: ${(error as Error).message.split('\n')[0]}` });
    }
  });
  return router;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

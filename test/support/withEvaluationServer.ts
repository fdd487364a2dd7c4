import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { pino } from 'pino';
import { superviseNlpWorker } from '../../src/nlp/superviseNlpWorker.js';
import { createServer } from '../../src/server/createServer.js';
import { startMigratedNeo4j } from './startMigratedNeo4j.js';

export interface EvaluationServerOptions {
  /** Load `seeds/` (true) or start from an empty graph, as for a first article. */
  seed: boolean;
  /** How long one worker request and one operation may take; the evaluations' figures must not hang on timeouts. */
  timeoutMs?: number;
}

export interface EvaluationServer {
  url: string;
  driver: Driver;
}

/**
 * Runs `evaluate` against a real server on a throw-away embedded Neo4j with the text-analysis worker and the
 * search lemma keys written, then stops everything and deletes the store: the `npm run eval:*` scripts' setup.
 */
export async function withEvaluationServer<T>(
  { seed, timeoutMs = 120_000 }: EvaluationServerOptions,
  evaluate: (server: EvaluationServer) => Promise<T>,
): Promise<T> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'coopgraph-eval-'));
  const nlp = superviseNlpWorker({ requestTimeoutMs: timeoutMs });
  const { driver, stop } = await startMigratedNeo4j({ dataDir, seed, pageCache: '128m' }).catch(
    async (error: unknown) => {
      await nlp.stop();
      await rm(dataDir, { recursive: true, force: true });
      throw error;
    },
  );
  try {
    if (!(await nlp.whenStarted())) throw new Error(nlp.status().reason ?? 'the text-analysis worker did not start');
    const server = createServer({
      driver,
      logger: pino({ level: 'silent' }),
      nlp,
      rateLimits: undefined,
      operationTimeoutMs: timeoutMs,
    });
    await server.start();
    await server.refreshSearchLemmas();
    const { url } = await server.listen(0);
    try {
      return await evaluate({ url, driver });
    } finally {
      await server.stop();
    }
  } finally {
    await stop();
    await nlp.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * `npm run eval:search`: starts a throw-away embedded Neo4j with the seed and the text-analysis worker, runs the
 * gold list (test/search/searchGold.ts) through the real server's `search`, and prints top-1 accuracy, MRR and
 * every query whose expected entity is not first.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { migrateAndSeed } from '../../src/migrateAndSeed.js';
import { createDriver } from '../../src/neo4j/createDriver.js';
import { startEmbeddedNeo4j } from '../../src/neo4j/startEmbeddedNeo4j.js';
import { superviseNlpWorker } from '../../src/nlp/superviseNlpWorker.js';
import { createServer } from '../../src/server/createServer.js';
import { freePort } from '../support/freePort.js';
import { evaluateSearch } from './evaluateSearch.js';
import { SEARCH_GOLD } from './searchGold.js';

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'coopgraph-eval-'));
const nlp = superviseNlpWorker();
const neo4j = await startEmbeddedNeo4j({ dataDir, port: await freePort(), startTimeoutMs: 180_000, pageCache: '128m' });
const driver = createDriver({ uri: neo4j.uri });
try {
  await migrateAndSeed(driver, undefined, true);
  if (!(await nlp.whenStarted())) throw new Error(nlp.status().reason ?? 'the text-analysis worker did not start');
  const server = createServer({ driver, logger: pino({ level: 'silent' }), nlp, rateLimits: undefined });
  await server.start();
  await server.refreshSearchLemmas();
  const { url } = await server.listen(0);
  const { outcomes, top1, mrr } = await evaluateSearch(url, SEARCH_GOLD);
  for (const outcome of outcomes.filter((item) => item.rank !== 1)) {
    console.log(
      `rank ${outcome.rank ?? '>10'}  «${outcome.query}» → expected ${outcome.expected}, got ${outcome.hits
        .slice(0, 3)
        .map((hit) => `${hit.id} (${hit.score.toFixed(1)})`)
        .join(', ')}`,
    );
  }
  const outsideTop3 = outcomes.filter((item) => item.rank === null || item.rank > 3).length;
  console.log(
    `${outcomes.length} queries: top-1 accuracy ${top1.toFixed(3)}, MRR ${mrr.toFixed(3)}, expected entity outside the top 3: ${outsideTop3}`,
  );
  await server.stop();
} finally {
  await driver.close();
  await nlp.stop();
  await neo4j.stop();
  await rm(dataDir, { recursive: true, force: true });
}

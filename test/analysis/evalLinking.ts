/**
 * `npm run eval:linking`: starts a throw-away embedded Neo4j with the seed and the text-analysis worker, runs the
 * gold texts (test/analysis/linkingGold.ts) through the real server's `analyzeText`, and prints precision and
 * recall of linking and of new-entity proposals, with every miss.
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
import { createTestKeys } from '../support/createTestKeys.js';
import { freePort } from '../support/freePort.js';
import { evaluateLinking } from './evaluateLinking.js';
import { LINKING_GOLD } from './linkingGold.js';

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
  const keys = await createTestKeys(driver, 'eval:linking');
  const { linking, proposals, peopleAndOrganizationsRecall } = await evaluateLinking(url, keys.editor, LINKING_GOLD);
  for (const error of [...linking.errors, ...proposals.errors]) console.log(error);
  console.log(`${LINKING_GOLD.length} texts`);
  console.log(
    `linking:   precision ${linking.precision.toFixed(3)} (${linking.truePositives}/${linking.predicted}), recall ${linking.recall.toFixed(3)} (${linking.gold} gold)`,
  );
  console.log(
    `proposals: precision ${proposals.precision.toFixed(3)} (${proposals.truePositives}/${proposals.predicted}), recall ${proposals.recall.toFixed(3)} (${proposals.gold} gold); new people and organizations recall ${peopleAndOrganizationsRecall.toFixed(3)}`,
  );
  await server.stop();
} finally {
  await driver.close();
  await nlp.stop();
  await neo4j.stop();
  await rm(dataDir, { recursive: true, force: true });
}

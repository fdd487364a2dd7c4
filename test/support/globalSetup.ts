import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrateAndSeed } from '../../src/migrateAndSeed.js';
import { createDriver } from '../../src/neo4j/createDriver.js';
import { startEmbeddedNeo4j } from '../../src/neo4j/startEmbeddedNeo4j.js';
import { createDatabase } from '../../src/neo4j/Database.js';
import { writeGraph } from '../../src/repositories/writeGraph.js';
import { createNameNormalizer } from '../../src/nlp/createNameNormalizer.js';
import { ensureNlpEnvironment } from '../../src/nlp/ensureNlpEnvironment.js';
import { superviseNlpWorker } from '../../src/nlp/superviseNlpWorker.js';
import { refreshNameLemmas } from '../../src/repositories/refreshNameLemmas.js';
import { planGraphWrite } from '../../src/seed/planGraphWrite.js';
import { sourceDocumentSchema } from '../../src/seed/sourceDocument.js';
import { agreementFixture } from './agreementFixture.js';
import { ensureChromium } from './ensureChromium.js';
import { freePort } from './freePort.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jDataDir: string;
  }
}

/**
 * Starts one embedded Neo4j for the whole test run, migrated, seeded and with the agreement fixture loaded, and
 * installs the browser tests' Chromium where it is missing and the text-analysis worker's Python packages; stops Neo4j and deletes its store after.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The browser tests' Chromium installs while Neo4j starts.
  const chromium = ensureChromium();
  // The text-analysis worker's Python packages install (once per checkout, into .cache/nlp) while Neo4j starts.
  const nlpEnvironment = ensureNlpEnvironment();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'coopgraph-test-'));
  const neo4j = await startEmbeddedNeo4j({
    dataDir,
    port: await freePort(),
    startTimeoutMs: 180_000,
    pageCache: '128m',
  });
  const driver = createDriver({ uri: neo4j.uri });
  await migrateAndSeed(driver, undefined, true);
  const fixture = sourceDocumentSchema.parse(agreementFixture());
  await writeGraph(createDatabase({ driver }), planGraphWrite([{ file: 'agreementFixture', document: fixture }]), {
    actor: 'test',
    operation: 'fixture',
  });
  // Lemma keys for the seeded graph, as a server with a running worker writes them.
  await nlpEnvironment;
  const nlp = superviseNlpWorker();
  if (!(await nlp.whenStarted())) throw new Error(`the text-analysis worker did not start: ${nlp.status().reason}`);
  await refreshNameLemmas(createDatabase({ driver }), createNameNormalizer(nlp));
  await nlp.stop();
  await driver.close();
  await chromium;
  project.provide('neo4jUri', neo4j.uri);
  project.provide('neo4jDataDir', dataDir);
  return async () => {
    await neo4j.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}

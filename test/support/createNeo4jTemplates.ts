import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { migrateAndSeed } from '../../src/migrateAndSeed.js';
import { createDriver } from '../../src/neo4j/createDriver.js';
import { startEmbeddedNeo4j } from '../../src/neo4j/startEmbeddedNeo4j.js';
import { freePort } from './freePort.js';

/** Stopped stores a test's Neo4j starts from as a copy, instead of migrating (and seeding) a store of its own. */
export interface Neo4jTemplates {
  /** Migrated, no graph. */
  empty: string;
  /** Migrated and seeded from `seeds/`. */
  seeded: string;
}

async function createTemplate(dataDir: string, seed: boolean): Promise<string> {
  await mkdir(dataDir, { recursive: true });
  const neo4j = await startEmbeddedNeo4j({
    dataDir,
    port: await freePort(),
    startTimeoutMs: 180_000,
    pageCache: '64m',
  });
  const driver = createDriver({ uri: neo4j.uri });
  try {
    await migrateAndSeed(driver, undefined, seed);
  } finally {
    await driver.close();
    // A clean stop: a copy of the store then starts without recovery.
    await neo4j.stop();
  }
  return dataDir;
}

/** Creates both templates under `root`, at once. */
export async function createNeo4jTemplates(root: string): Promise<Neo4jTemplates> {
  const [empty, seeded] = await Promise.all([
    createTemplate(path.join(root, 'empty'), false),
    createTemplate(path.join(root, 'seeded'), true),
  ]);
  return { empty, seeded };
}

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { startMigratedNeo4j } from './startMigratedNeo4j.js';

/** Stopped stores a test's Neo4j starts from as a copy, instead of migrating (and seeding) a store of its own. */
export interface Neo4jTemplates {
  /** Migrated, no graph. */
  empty: string;
  /** Migrated and seeded from `seeds/`. */
  seeded: string;
}

async function createTemplate(dataDir: string, seed: boolean): Promise<string> {
  await mkdir(dataDir, { recursive: true });
  await (await startMigratedNeo4j({ dataDir, seed, pageCache: '64m' })).stop();
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

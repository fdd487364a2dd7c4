import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { startMigratedNeo4j } from './startMigratedNeo4j.js';

/** Stopped stores a test's Neo4j starts from as a copy, instead of migrating (and seeding) a store of its own. */
export interface Neo4jTemplates {
  /** Migrated, no graph. */
  empty: string;
  /** Migrated, seeded from `seeds/`, then given what `completeSeeded` writes. */
  seeded: string;
}

async function createTemplate(
  controlPort: number,
  dataDir: string,
  seed: boolean,
  complete?: (driver: Driver) => Promise<void>,
) {
  await mkdir(dataDir, { recursive: true });
  const { driver, stop } = await startMigratedNeo4j({ dataDir, seed, pageCache: '64m', hostControlPort: controlPort });
  try {
    await complete?.(driver);
  } finally {
    await stop();
  }
  return dataDir;
}

/**
 * Creates both templates under `root`, at once, in the Neo4j host at `controlPort`; `completeSeeded` writes what
 * every seeded test store holds besides the seeds.
 */
export async function createNeo4jTemplates(
  root: string,
  controlPort: number,
  completeSeeded: (driver: Driver) => Promise<void>,
): Promise<Neo4jTemplates> {
  const [empty, seeded] = await Promise.all([
    createTemplate(controlPort, path.join(root, 'empty'), false),
    createTemplate(controlPort, path.join(root, 'seeded'), true, completeSeeded),
  ]);
  return { empty, seeded };
}

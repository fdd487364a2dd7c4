import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';

/**
 * A fresh store directory holding a copy of a template the test run migrated (and seeded) once, so that a test's
 * Neo4j starts on it with nothing left to migrate or seed.
 */
export async function copyNeo4jTemplate(seed: boolean, prefix: string): Promise<string> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), prefix));
  await replaceWithNeo4jTemplate(dataDir, seed);
  return dataDir;
}

/** Puts a fresh copy of the template in `dataDir`, in place of the store there; Neo4j must be stopped. */
export async function replaceWithNeo4jTemplate(dataDir: string, seed: boolean): Promise<void> {
  const templates = inject('neo4jTemplates');
  await rm(dataDir, { recursive: true, force: true });
  await cp(seed ? templates.seeded : templates.empty, dataDir, { recursive: true });
}

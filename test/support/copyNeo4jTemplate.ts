import { cp, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';

/**
 * A fresh store directory holding a copy of a template the test run migrated (and seeded) once, so that a test's
 * Neo4j starts on it with nothing left to migrate or seed.
 */
export async function copyNeo4jTemplate(seed: boolean, prefix: string): Promise<string> {
  const templates = inject('neo4jTemplates');
  const dataDir = await mkdtemp(path.join(os.tmpdir(), prefix));
  await cp(seed ? templates.seeded : templates.empty, dataDir, { recursive: true });
  return dataDir;
}

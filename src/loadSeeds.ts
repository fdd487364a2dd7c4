import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './neo4j/Database.js';
import { writeGraph, type GraphWriteCounts } from './repositories/writeGraph.js';
import { planGraphWrite } from './seed/planGraphWrite.js';
import { readSourceDocuments } from './seed/readSourceDocuments.js';

/** The curated seed files shipped with the project. */
export const SEEDS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../seeds');

/**
 * Validates every file in `directory` and loads them all in one transaction: a bad file fails with file, entry and
 * field named and writes nothing; loading the same files again leaves the graph identical.
 */
export async function loadSeeds(
  db: Database,
  directory = SEEDS_DIR,
  actor = 'seed',
): Promise<GraphWriteCounts & { files: number }> {
  const files = await readSourceDocuments(directory);
  const counts = await writeGraph(db, planGraphWrite(files), { actor, operation: 'seed' });
  return { ...counts, files: files.length };
}

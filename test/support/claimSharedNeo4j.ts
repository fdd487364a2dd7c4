/**
 * Setup file of the integration project: claims a free seeded Neo4j for the test file, by creating a claim file in
 * its store directory, and frees it after the file. (Vitest's VITEST_POOL_ID is not unique among running files
 * once an earlier project has run.) A claim whose process is gone is taken over.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, inject } from 'vitest';
import { isProcessAlive } from './isProcessAlive.js';
import { CLAIMED_NEO4J } from './sharedNeo4j.js';

function claimFile(dataDir: string): string {
  return path.join(dataDir, 'claimed-by');
}

/** The pid in a claim file, or null when there is none. */
function claimant(file: string): number | null {
  try {
    return Number(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function claim(): number {
  const instances = inject('sharedNeo4j');
  const files = instances.map(({ dataDir }) => claimFile(dataDir));
  for (const [index, file] of files.entries()) {
    try {
      writeFileSync(file, `${process.pid}`, { flag: 'wx' });
      return index;
    } catch {
      // Claimed by another running file; try the next one.
    }
  }
  // A worker that was killed mid-file leaves its claim behind.
  const stale = files.findIndex((file) => {
    const pid = claimant(file);
    return pid !== null && pid > 0 && !isProcessAlive(pid);
  });
  if (stale === -1)
    throw new Error(`all ${instances.length} shared Neo4j instances are claimed: is maxWorkers above their number?`);
  writeFileSync(files[stale]!, `${process.pid}`);
  return stale;
}

const index = claim();
process.env[CLAIMED_NEO4J] = String(index);

afterAll(() => {
  rmSync(claimFile(inject('sharedNeo4j')[index]!.dataDir), { force: true });
});

import { cp, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Copies a stopped Neo4j store into a new temporary directory named by `prefix`; returns that directory. */
export async function copyStore(store: string, prefix: string): Promise<string> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), prefix));
  await cp(store, dataDir, { recursive: true });
  return dataDir;
}

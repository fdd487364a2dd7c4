import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** The `*.yaml`/`*.yml`/`*.json` seed documents under `directory`, sorted, in chunks of `filesPerChunk`. */
export async function listSeedChunks(directory: string, filesPerChunk: number): Promise<string[][]> {
  const files = (await readdir(directory, { recursive: true }))
    .filter((name) => /\.(ya?ml|json)$/.test(name))
    .sort()
    .map((name) => path.join(directory, name));
  const chunks: string[][] = [];
  for (let start = 0; start < files.length; start += filesPerChunk)
    chunks.push(files.slice(start, start + filesPerChunk));
  return chunks;
}

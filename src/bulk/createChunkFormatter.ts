import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SeedValidationError } from '../seed/SeedValidationError.js';
import { formatImportChunk, type FormattedChunk } from './formatImportChunk.js';

/** Formats chunks of documents off the main thread; `close` ends the workers. */
export interface ChunkFormatter {
  format(files: readonly string[]): Promise<FormattedChunk>;
  close(): Promise<void>;
}

type Answer =
  { id: number; chunk: FormattedChunk } | { id: number; error: { message: string; problems: string[] | null } };

/**
 * A pool of worker threads formatting chunks (`formatImportChunk`), one per core: parsing, validation, content ids
 * and CSV formatting are most of an import's time in Node and parallelize per chunk. The sources are TypeScript, so
 * workers load them through tsx as the main thread does; when a worker cannot start, chunks are formatted in this
 * thread instead, with the same result.
 */
export function createChunkFormatter(threads = availableParallelism()): ChunkFormatter {
  const loader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const pending = new Map<
    number,
    { worker: number; resolve: (chunk: FormattedChunk) => void; reject: (error: Error) => void }
  >();
  let nextId = 0;
  let broken = false;
  const workers = Array.from({ length: Math.max(1, threads) }, (_, index) => {
    const worker = new Worker(new URL('./importChunkWorker.ts', import.meta.url), {
      execArgv: ['--import', loader],
    });
    worker.on('message', (answer: Answer) => {
      const waiting = pending.get(answer.id);
      pending.delete(answer.id);
      if (!waiting) return;
      if ('chunk' in answer) waiting.resolve(answer.chunk);
      else
        waiting.reject(
          answer.error.problems ? new SeedValidationError(answer.error.problems) : new Error(answer.error.message),
        );
    });
    worker.on('error', (error) => {
      broken = true;
      for (const [id, waiting] of pending) {
        if (waiting.worker !== index) continue;
        pending.delete(id);
        waiting.reject(error);
      }
    });
    return worker;
  });
  return {
    format(files) {
      if (broken) return formatImportChunk(files);
      const id = nextId++;
      const index = id % workers.length;
      return new Promise<FormattedChunk>((resolve, reject) => {
        pending.set(id, { worker: index, resolve, reject });
        workers[index]!.postMessage({ id, files });
      }).catch((error: unknown) => {
        // A worker that failed (to load, say) rejected its requests through its error event: redo them here.
        if (broken && !(error instanceof SeedValidationError)) return formatImportChunk(files);
        throw error;
      });
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

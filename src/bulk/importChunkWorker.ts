import { parentPort } from 'node:worker_threads';
import { SeedValidationError } from '../seed/SeedValidationError.js';
import { formatImportChunk } from './formatImportChunk.js';

/** A worker thread of `createChunkFormatter`: formats the chunks it is sent, one answer per request, by id. */
parentPort!.on('message', (request: { id: number; files: string[] }) => {
  formatImportChunk(request.files).then(
    (chunk) => parentPort!.postMessage({ id: request.id, chunk }),
    (error: unknown) =>
      parentPort!.postMessage({
        id: request.id,
        error: {
          message: error instanceof Error ? error.message : String(error),
          problems: error instanceof SeedValidationError ? error.problems : null,
        },
      }),
  );
});

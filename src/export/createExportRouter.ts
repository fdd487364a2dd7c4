import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import express from 'express';
import { ErrorCode, operationTimedOut } from '../errors.js';
import { REQUEST_ID_HEADER, requestIdOf, withRequestId } from '../requestId.js';
import type { ExportGraph } from './ExportGraph.js';
import { EXPORT_FORMATS, EXPORT_FORMAT_NAMES, isExportFormatName } from './exportFormats.js';
import { parseExportQuery, type ExportQuery } from './parseExportQuery.js';
import { toExportErrorResponse } from './toExportErrorResponse.js';

export interface ExportRouterOptions {
  /**
   * Reads the network for validated arguments; throws a GraphQLError (BAD_USER_INPUT, SERVICE_UNAVAILABLE,
   * OPERATION_TIMEOUT) or a driver error. Once `signal` aborts, nobody waits for the answer: stop the database work.
   */
  loadGraph: (args: ExportQuery, signal: AbortSignal) => Promise<ExportGraph>;
  /** Longest the network may take to load (then 504 OPERATION_TIMEOUT), and longest the client may stall the body. Default 15 s. */
  timeoutMs?: number;
  /** Exports served at once; each holds a whole network in memory. More answer 503 with Retry-After. Default 2. */
  maxConcurrent?: number;
  /** Called with errors answered with 500 or met while sending the body, for logging; they are not shown to the client. */
  onUnexpectedError?: (error: unknown, requestId: string) => void;
}

export const DEFAULT_EXPORT_MAX_CONCURRENT = 2;

/** Seconds a client refused for load is told to wait. */
const RETRY_AFTER_S = '5';

/**
 * `GET /export/{graphml|gexf|csv|cytoscape}?ids=a,b&depth=1&limit=200&lang=EN`: the `network` result as a download
 * named after the first id and the format, streamed as it is written. Bad arguments answer 400 `{ error: { code:
 * 'BAD_USER_INPUT', message } }` naming the argument, an unreachable database or too many exports at once 503
 * `SERVICE_UNAVAILABLE` with Retry-After, a network that does not load in time 504 `OPERATION_TIMEOUT`; 5xx bodies
 * carry the `requestId` that the failure is logged under (also in the `x-request-id` header). Exports over the limit
 * are refused rather than queued: a queue would hold sockets and memory for waits longer than its clients' patience,
 * and Retry-After tells a script what to do. Mount it at the application's root.
 */
export function createExportRouter(options: ExportRouterOptions): express.Router {
  const { loadGraph, onUnexpectedError } = options;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxConcurrent = options.maxConcurrent ?? DEFAULT_EXPORT_MAX_CONCURRENT;
  const router = express.Router();
  let running = 0;

  router.get('/export/:format', async (req, res) => {
    const requestId = requestIdOf(req.headers[REQUEST_ID_HEADER]);
    res.set(REQUEST_ID_HEADER, requestId);
    res.set('Cache-Control', 'no-store');
    const format = req.params.format;
    if (!isExportFormatName(format)) {
      res.status(404).json({
        error: {
          code: ErrorCode.BAD_USER_INPUT,
          message: `Unknown export format "${format}": expected one of ${EXPORT_FORMAT_NAMES.join(', ')}.`,
        },
      });
      return;
    }
    const parsed = parseExportQuery(req.query);
    if (!parsed.ok) {
      res.status(400).json({ error: { code: ErrorCode.BAD_USER_INPUT, message: parsed.problem.message } });
      return;
    }
    if (running >= maxConcurrent) {
      res.set('Retry-After', RETRY_AFTER_S);
      res.status(503).json({
        error: {
          code: ErrorCode.SERVICE_UNAVAILABLE,
          message: `The server is busy with ${maxConcurrent} exports, its limit. Retry shortly.`,
          requestId,
        },
      });
      return;
    }

    // The slot is held until both the load settled (even after a 504, Neo4j may still be stopping) and the response
    // closed (the body holds the graph until it is sent).
    running += 1;
    let holds = 2;
    const release = () => {
      holds -= 1;
      if (holds === 0) running -= 1;
    };
    const stop = new AbortController();
    const timer = setTimeout(() => stop.abort(operationTimedOut(timeoutMs)), timeoutMs);
    res.once('close', () => {
      if (!res.writableFinished) stop.abort(new Error('the client left'));
      release();
    });
    const stopped = new Promise<never>((_, reject) =>
      stop.signal.addEventListener('abort', () => reject(stop.signal.reason), { once: true }),
    );
    stopped.catch(() => undefined);
    const loading = withRequestId(requestId, () => loadGraph(parsed.value, stop.signal));
    loading
      .finally(() => {
        clearTimeout(timer);
        release();
      })
      .catch(() => undefined);

    let graph: ExportGraph;
    try {
      graph = await Promise.race([loading, stopped]);
    } catch (error) {
      if (res.destroyed) return;
      const response = toExportErrorResponse(error, requestId);
      if (response.status === 500) onUnexpectedError?.(error, requestId);
      if (response.status === 503) res.set('Retry-After', RETRY_AFTER_S);
      res.status(response.status).json(response.body);
      return;
    }

    const { contentType, extension, write } = EXPORT_FORMATS[format];
    res
      .status(200)
      .type(contentType)
      .set('Content-Disposition', contentDisposition(`${fileStem(parsed.value.ids)}.${extension}`))
      .set('X-Content-Type-Options', 'nosniff')
      .set('X-Network-Truncated', String(graph.truncated));
    // A client that stops reading would hold the slot and the graph; one that reads nothing for timeoutMs is cut off.
    const stall = setTimeout(() => res.destroy(), timeoutMs);
    let writerFailure: { error: unknown } | null = null;
    const chunks = function* () {
      try {
        yield* progress(write(graph), () => stall.refresh());
      } catch (error) {
        writerFailure = { error };
        throw error;
      }
    };
    try {
      await pipeline(Readable.from(chunks()), res);
    } catch {
      // A client that left or stalled is no failure of ours; a writer that threw is.
      if (writerFailure) onUnexpectedError?.((writerFailure as { error: unknown }).error, requestId);
    } finally {
      clearTimeout(stall);
    }
  });

  return router;
}

/** Strings are sent in pieces of about this many characters rather than one write per element. */
const CHUNK_CHARS = 64 * 1024;

/** The chunks, small strings joined, calling `onChunk` as each is taken (that is, as the client reads). */
function* progress(chunks: Iterable<string | Uint8Array>, onChunk: () => void): Generator<string | Uint8Array> {
  let pending = '';
  for (const chunk of chunks) {
    if (typeof chunk === 'string') {
      pending += chunk;
      if (pending.length < CHUNK_CHARS) continue;
    } else if (pending !== '') {
      onChunk();
      yield pending;
    }
    onChunk();
    yield typeof chunk === 'string' ? pending : chunk;
    pending = '';
  }
  if (pending !== '') yield pending;
}

/** `coopgraph-organization-ktz` for one id, `coopgraph-organization-ktz-and-2-more` for several; ids are ASCII slugs. */
function fileStem(ids: readonly string[]): string {
  const [first = 'network'] = ids;
  const more = ids.length > 1 ? `-and-${ids.length - 1}-more` : '';
  return `coopgraph-${first.replace(/[^a-z0-9-]/g, '-')}${more}`;
}

function contentDisposition(filename: string): string {
  return `attachment; filename="${filename}"`;
}

import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { DATABASE_UNAVAILABLE_MESSAGE, ErrorCode } from '../errors.js';
import { isDatabaseUnavailable } from './isDatabaseUnavailable.js';

/**
 * Answers a request the export gate refused (401, 403, 429, 503) in the exports' error shape,
 * `{ error: { code, message } }`, with `Retry-After` when the client should come back later. Anything without an
 * HTTP status of its own is a 500 whose message hides the internals, as the export router's, or a 503 when Neo4j
 * could not be reached (looking up a key, say); a 503 says no more than that the database is unavailable (a reason
 * may quote a driver message naming an address).
 */
export function sendExportRefusal(response: Response, error: unknown): void {
  const extensions =
    error instanceof GraphQLError
      ? (error.extensions as { code?: string; retryAfterSeconds?: number; http?: { status?: number } })
      : {};
  if (
    extensions.http?.status === undefined &&
    isDatabaseUnavailable(error instanceof GraphQLError ? error.originalError : error)
  ) {
    extensions.code = ErrorCode.SERVICE_UNAVAILABLE;
    extensions.http = { status: 503 };
  }
  const status = extensions.http?.status ?? 500;
  if (status === 500) {
    response
      .status(500)
      .json({ error: { code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'The export failed unexpectedly.' } });
    return;
  }
  if (extensions.retryAfterSeconds !== undefined) response.set('Retry-After', String(extensions.retryAfterSeconds));
  else if (status === 503) response.set('Retry-After', '5');
  const message = status === 503 ? DATABASE_UNAVAILABLE_MESSAGE : (error as GraphQLError).message;
  response.status(status).json({ error: { code: extensions.code ?? ErrorCode.INTERNAL_SERVER_ERROR, message } });
}

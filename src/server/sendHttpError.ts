import type { ServerResponse } from 'node:http';
import type { GraphQLError } from 'graphql';
import { DATABASE_UNAVAILABLE_MESSAGE, ErrorCode } from '../errors.js';
import { isDatabaseUnavailable } from './isDatabaseUnavailable.js';
import { REQUEST_ID_HEADER } from '../requestId.js';

/**
 * Answers a failure outside GraphQL execution (body, timeout, gate) as a GraphQL-shaped JSON error, with the HTTP
 * status its `extensions.http` names (500 if none). Only messages we wrote reach the client: an error without a
 * code answers INTERNAL_SERVER_ERROR (or SERVICE_UNAVAILABLE when Neo4j was unreachable) with a fixed sentence, and
 * a SERVICE_UNAVAILABLE one loses its reason, which may quote a driver message naming an address. 5xx answers carry
 * the request id (the `x-request-id` already set on the response). Does nothing once the response has started.
 */
export function sendHttpError(response: ServerResponse, error: GraphQLError): void {
  if (response.headersSent) return;
  const { http, ...extensions } = error.extensions as { http?: { status?: number }; code?: unknown };
  let status = http?.status ?? 500;
  let message = error.message;
  if (extensions.code === undefined) {
    const unavailable = isDatabaseUnavailable(error.originalError);
    status = unavailable ? 503 : 500;
    extensions.code = unavailable ? ErrorCode.SERVICE_UNAVAILABLE : ErrorCode.INTERNAL_SERVER_ERROR;
    message = unavailable ? 'The graph database is unavailable. Retry shortly.' : 'Internal server error.';
  } else if (extensions.code === ErrorCode.SERVICE_UNAVAILABLE) {
    message = DATABASE_UNAVAILABLE_MESSAGE;
  }
  const requestId = response.getHeader(REQUEST_ID_HEADER);
  const body = {
    message,
    extensions: status >= 500 && typeof requestId === 'string' ? { requestId, ...extensions } : extensions,
  };
  response.statusCode = status;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.end(JSON.stringify({ errors: [body] }));
}

import type { ServerResponse } from 'node:http';
import type { GraphQLError } from 'graphql';

/**
 * Answers a failure outside GraphQL execution (body, timeout, gate) as a GraphQL-shaped JSON error, with the HTTP
 * status its `extensions.http` names (500 if none). Does nothing once the response has started.
 */
export function sendHttpError(response: ServerResponse, error: GraphQLError): void {
  if (response.headersSent) return;
  const { http, ...extensions } = error.extensions as { http?: { status?: number } };
  response.statusCode = http?.status ?? 500;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.end(JSON.stringify({ errors: [{ message: error.message, extensions }] }));
}

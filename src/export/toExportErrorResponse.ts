import { GraphQLError } from 'graphql';

/** The HTTP answer for a failed export; the body has the shape of a GraphQL error's code and message. */
export interface ExportErrorResponse {
  status: 400 | 503 | 500;
  body: { error: { code: 'BAD_USER_INPUT' | 'SERVICE_UNAVAILABLE' | 'INTERNAL_SERVER_ERROR'; message: string } };
}

/** Neo4j driver codes that mean the database cannot be reached right now, not that the query is wrong. */
const NEO4J_UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

/**
 * Maps what `loadGraph` threw: a GraphQLError keeps its BAD_USER_INPUT (400) or SERVICE_UNAVAILABLE (503) code, a
 * Neo4j driver error saying the database is unreachable becomes 503, anything else is a 500 whose message hides the
 * internals.
 */
export function toExportErrorResponse(error: unknown): ExportErrorResponse {
  const code = error instanceof GraphQLError ? error.extensions['code'] : undefined;
  if (code === 'BAD_USER_INPUT' && error instanceof GraphQLError) {
    return { status: 400, body: { error: { code: 'BAD_USER_INPUT', message: error.message } } };
  }
  if (code === 'SERVICE_UNAVAILABLE' || isNeo4jUnavailable(error) || (error instanceof GraphQLError && isNeo4jUnavailable(error.originalError))) {
    return { status: 503, body: { error: { code: 'SERVICE_UNAVAILABLE', message: 'The graph database is unavailable. Retry shortly.' } } };
  }
  return { status: 500, body: { error: { code: 'INTERNAL_SERVER_ERROR', message: 'The export failed unexpectedly.' } } };
}

function isNeo4jUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  return typeof error.code === 'string' && NEO4J_UNAVAILABLE_CODES.has(error.code);
}

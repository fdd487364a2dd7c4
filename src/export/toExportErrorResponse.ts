import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors.js';

/** The HTTP answer for a failed export; the body has the shape of a GraphQL error's code and message. */
export interface ExportErrorResponse {
  status: 400 | 404 | 422 | 500 | 503 | 504;
  body: {
    error: {
      code:
        | ErrorCode.BAD_USER_INPUT
        | ErrorCode.NOT_FOUND
        | ErrorCode.RESPONSE_TOO_LARGE
        | ErrorCode.SERVICE_UNAVAILABLE
        | ErrorCode.OPERATION_TIMEOUT
        | ErrorCode.INTERNAL_SERVER_ERROR;
      message: string;
      /** On 404 answers: the asked ids that name no entity. */
      ids?: string[];
      /** On 5xx answers: the id the failure is logged under. */
      requestId?: string;
    };
  };
}

/** Neo4j driver codes that mean the database cannot be reached right now, not that the query is wrong. */
const NEO4J_UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

/**
 * Maps what `loadGraph` threw: a GraphQLError keeps its BAD_USER_INPUT (400), NOT_FOUND (404, with the unknown
 * `ids`), RESPONSE_TOO_LARGE (422), SERVICE_UNAVAILABLE (503) or
 * OPERATION_TIMEOUT (504) code, a Neo4j driver error saying the database is unreachable becomes 503, anything else
 * is a 500. Only BAD_USER_INPUT and NOT_FOUND keep their message; the others get a fixed sentence, since driver messages name
 * addresses and internals.
 */
export function toExportErrorResponse(error: unknown, requestId: string): ExportErrorResponse {
  const code = error instanceof GraphQLError ? error.extensions['code'] : undefined;
  if (code === ErrorCode.BAD_USER_INPUT && error instanceof GraphQLError) {
    return { status: 400, body: { error: { code: ErrorCode.BAD_USER_INPUT, message: error.message } } };
  }
  if (code === ErrorCode.NOT_FOUND && error instanceof GraphQLError) {
    const ids = error.extensions['ids'];
    const list = Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
    return { status: 404, body: { error: { code: ErrorCode.NOT_FOUND, message: error.message, ids: list } } };
  }
  if (code === ErrorCode.RESPONSE_TOO_LARGE) {
    return {
      status: 422,
      body: {
        error: {
          code: ErrorCode.RESPONSE_TOO_LARGE,
          message:
            'The export read more than the server allows one answer to read; ask for less (smaller depth or limit).',
        },
      },
    };
  }
  if (code === ErrorCode.OPERATION_TIMEOUT) {
    return {
      status: 504,
      body: {
        error: {
          code: ErrorCode.OPERATION_TIMEOUT,
          message: 'The export did not finish in time; ask for less (smaller depth or limit).',
          requestId,
        },
      },
    };
  }
  if (
    code === ErrorCode.SERVICE_UNAVAILABLE ||
    isNeo4jUnavailable(error) ||
    (error instanceof GraphQLError && isNeo4jUnavailable(error.originalError))
  ) {
    return {
      status: 503,
      body: {
        error: {
          code: ErrorCode.SERVICE_UNAVAILABLE,
          message: 'The graph database is unavailable. Retry shortly.',
          requestId,
        },
      },
    };
  }
  return {
    status: 500,
    body: {
      error: {
        code: ErrorCode.INTERNAL_SERVER_ERROR,
        message: 'The export failed unexpectedly; it is logged under requestId.',
        requestId,
      },
    },
  };
}

function isNeo4jUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  return typeof error.code === 'string' && NEO4J_UNAVAILABLE_CODES.has(error.code);
}

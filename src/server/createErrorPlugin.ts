import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { DATABASE_UNAVAILABLE_MESSAGE, ErrorCode } from '../errors.js';
import { isDatabaseUnavailable } from './isDatabaseUnavailable.js';
import { isPoolExhausted } from './isPoolExhausted.js';
import { isTransactionTimeout } from './isTransactionTimeout.js';
import { originalError } from './originalError.js';
import { currentRequestId } from '../requestId.js';

/**
 * Answers HTTP 503 when Neo4j is unreachable or every connection stays busy, 504 when Neo4j cancels a transaction
 * for running too long, so clients and load balancers can retry. (Logging is formatError's: it also sees the errors
 * of context creation, which never reach a plugin. The circuit breaker hears of failures from its own plugin.)
 */
export function createErrorPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, response }) {
          for (const error of errors) {
            const original = originalError(error);
            if (isDatabaseUnavailable(original) || isPoolExhausted(original)) {
              response.http.status = 503;
            } else if (isTransactionTimeout(original)) {
              response.http.status = 504;
            }
          }
        },
      };
    },
  };
}

export interface FormatErrorOptions {
  logger: Logger;
  /** Hide every message this API did not write itself (see createFormatError). */
  production: boolean;
}

/** Codes whose messages this API or Apollo wrote for the client: the client's own mistakes and our refusals. */
const CLIENT_CODES: ReadonlySet<unknown> = new Set<string>([
  ...Object.values(ErrorCode).filter(
    (code) => code !== ErrorCode.INTERNAL_SERVER_ERROR && code !== ErrorCode.SERVICE_UNAVAILABLE,
  ),
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.BAD_USER_INPUT,
  ApolloServerErrorCode.BAD_REQUEST,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
]);

const INTERNAL_MESSAGE = 'Internal server error. It is logged under extensions.requestId.';

/**
 * Apollo's `formatError`. Driver failures become SERVICE_UNAVAILABLE or OPERATION_TIMEOUT with a sentence a client
 * can act on. Every other error that is not a client error (see CLIENT_CODES) is logged with the request's id, and
 * the answer carries that id in `extensions.requestId`; in production its message is replaced, and so is a
 * SERVICE_UNAVAILABLE message, since driver messages name addresses, index and class names and element ids.
 */
export function createFormatError({
  logger,
  production,
}: FormatErrorOptions): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => {
    const original = originalError(error);
    const requestId = currentRequestId();
    const where = {
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
    };
    if (isDatabaseUnavailable(original) || isPoolExhausted(original)) {
      logger.debug({ err: original, requestId }, 'Neo4j unavailable or busy');
      const message = isPoolExhausted(original)
        ? 'The server is busy: every database connection stayed in use. Retry shortly.'
        : 'The graph database is unavailable. Retry shortly.';
      return { message, ...where, extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, requestId } };
    }
    if (isTransactionTimeout(original)) {
      return {
        message: 'The operation ran too long and was stopped; ask for less (smaller depth, limit or first).',
        ...where,
        extensions: { code: ErrorCode.OPERATION_TIMEOUT },
      };
    }
    const code = formatted.extensions?.['code'];
    if (CLIENT_CODES.has(code)) return formatted;
    if (code === ErrorCode.SERVICE_UNAVAILABLE) {
      logger.debug({ reason: formatted.message, requestId }, 'answered SERVICE_UNAVAILABLE');
      // A write's outcome (`committed`: true, or null when unknown) is ours and must reach the client whole; other
      // reasons may quote a driver message naming an address.
      const writeOutcome = formatted.extensions?.['committed'] !== undefined;
      return production && !writeOutcome
        ? { message: DATABASE_UNAVAILABLE_MESSAGE, ...where, extensions: { code, requestId } }
        : { ...formatted, extensions: { ...formatted.extensions, requestId } };
    }
    logger.error({ err: original, requestId, path: formatted.path }, 'unexpected error');
    if (!production) return { ...formatted, extensions: { ...formatted.extensions, requestId } };
    return { message: INTERNAL_MESSAGE, ...where, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId } };
  };
}

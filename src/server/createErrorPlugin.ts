import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { ErrorCode } from '../errors.js';
import { isDatabaseUnavailable } from './isDatabaseUnavailable.js';
import { isPoolExhausted } from './isPoolExhausted.js';
import { isTransactionTimeout } from './isTransactionTimeout.js';

export interface ErrorPluginOptions {
  logger: Logger;
  /** Told when a request met an unreachable Neo4j, so that the next requests fail fast. */
  onDatabaseUnavailable?: (error: unknown) => void;
}

/**
 * Answers HTTP 503 when Neo4j is unreachable or every connection stays busy, 504 when Neo4j cancels a transaction
 * for running too long, so clients and load balancers can retry; logs every unexpected error once with its stack
 * (which never leaves the server in production).
 */
export function createErrorPlugin({ logger, onDatabaseUnavailable }: ErrorPluginOptions): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, response }) {
          for (const error of errors) {
            const original = unwrapResolverError(error);
            if (isDatabaseUnavailable(original)) {
              response.http.status = 503;
              onDatabaseUnavailable?.(original);
            } else if (isPoolExhausted(original)) {
              response.http.status = 503;
            } else if (isTransactionTimeout(original)) {
              response.http.status = 504;
            } else if (!error.extensions?.code || error.extensions.code === ErrorCode.INTERNAL_SERVER_ERROR) {
              logger.error({ err: original, path: error.path }, 'unexpected error while resolving');
            }
          }
        },
      };
    },
  };
}

/** Replaces driver errors with SERVICE_UNAVAILABLE or OPERATION_TIMEOUT and a sentence a client can act on. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const path = formatted.path ? { path: formatted.path } : {};
  if (isDatabaseUnavailable(original)) {
    return { message: 'The graph database is unavailable. Retry shortly.', ...path, extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } };
  }
  if (isPoolExhausted(original)) {
    return { message: 'The server is busy: every database connection stayed in use. Retry shortly.', ...path, extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } };
  }
  if (isTransactionTimeout(original)) {
    return { message: 'The operation ran too long and was stopped; ask for less (smaller depth, limit or first).', ...path, extensions: { code: ErrorCode.OPERATION_TIMEOUT } };
  }
  return formatted;
}

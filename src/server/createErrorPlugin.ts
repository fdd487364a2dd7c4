import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { ErrorCode } from '../errors.js';
import { isDatabaseUnavailable } from './isDatabaseUnavailable.js';

/**
 * Answers HTTP 503 when Neo4j is unreachable, so clients and load balancers can retry, and logs every
 * unexpected error once with its stack (which never leaves the server in production).
 */
export function createErrorPlugin({ logger }: { logger: Logger }): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, response }) {
          for (const error of errors) {
            const original = unwrapResolverError(error);
            if (isDatabaseUnavailable(original)) {
              response.http.status = 503;
            } else if (!error.extensions?.code || error.extensions.code === ErrorCode.INTERNAL_SERVER_ERROR) {
              logger.error({ err: original, path: error.path }, 'unexpected error while resolving');
            }
          }
        },
      };
    },
  };
}

/** Replaces a driver error with SERVICE_UNAVAILABLE and a sentence a client can act on. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (isDatabaseUnavailable(unwrapResolverError(error))) {
    return {
      message: 'The graph database is unavailable. Retry shortly.',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
    };
  }
  return formatted;
}

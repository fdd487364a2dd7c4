import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../graphql/context.js';
import type { Neo4jMonitor } from './createNeo4jMonitor.js';
import { isDatabaseUnavailable } from './isDatabaseUnavailable.js';
import { isPoolExhausted } from './isPoolExhausted.js';
import { originalError } from './originalError.js';

/**
 * Tells the circuit breaker how each operation fared with Neo4j: its database failures, or a success when it ran
 * Cypher without one. Operations that never reached Neo4j say nothing about it.
 */
export function createCircuitBreakerPlugin(
  monitor: Pick<Neo4jMonitor, 'reportFailure' | 'reportSuccess'>,
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, errors }) {
          let failed = false;
          for (const error of errors ?? []) {
            const original = originalError(error);
            if (isDatabaseUnavailable(original) || isPoolExhausted(original)) {
              failed = true;
              monitor.reportFailure(original);
            }
          }
          if (!failed && contextValue.db.stats.roundTrips > 0) monitor.reportSuccess();
        },
      };
    },
  };
}

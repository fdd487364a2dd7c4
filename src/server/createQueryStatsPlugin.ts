import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../graphql/context.js';

/** Adds `extensions.queryStats.roundTrips`: how many Cypher round trips the operation took. */
export function createQueryStatsPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind === 'single') {
            response.body.singleResult.extensions = {
              ...response.body.singleResult.extensions,
              queryStats: { roundTrips: contextValue.db.stats.roundTrips },
            };
          }
        },
      };
    },
  };
}

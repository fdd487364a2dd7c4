import { GraphQLError } from 'graphql';
import { ErrorCode } from '../../errors.js';
import type { GraphChangeModel } from '../../models/GraphChangeModel.js';
import { boundedList } from '../boundedList.js';
import type { SubscriptionResolvers } from '../generated/resolversTypes.js';

/** Ids one `graphChanged` subscription may watch: a drawn network's nodes, with room to spare. */
export const MAX_WATCHED_IDS = 1_000;

/** A subscription sent as a plain HTTP request, which runs it once without a feed. */
function notOverHttp(): GraphQLError {
  return new GraphQLError(
    'Subscriptions are served over WebSocket (graphql-ws) at /graphql and over server-sent events (graphql-sse) at /graphql/stream, not over plain HTTP.',
    {
      extensions: { code: ErrorCode.BAD_REQUEST, http: { status: 400 } },
    },
  );
}

/** `Subscription.graphChanged`: the change feed, filtered to the ids a client shows. */
export const subscriptionResolvers: SubscriptionResolvers = {
  graphChanged: {
    subscribe: async (_, { ids }, { changeFeed }) => {
      if (!changeFeed) throw notOverHttp();
      return changeFeed.subscribe(ids ? new Set(boundedList('ids', ids, MAX_WATCHED_IDS)) : null);
    },
    resolve: (change: GraphChangeModel | undefined) => {
      if (!change) throw notOverHttp();
      return change;
    },
  },
};

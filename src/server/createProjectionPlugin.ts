import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../graphql/context.js';
import { projectionShapeOf } from '../graphql/projectionShapeOf.js';

/** Narrows the request's projection shape to what its operation can read, once the operation is known and before it runs. */
export function createProjectionPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, schema, contextValue }) {
          Object.assign(contextValue.projection, projectionShapeOf(schema, document));
        },
      };
    },
  };
}

import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, getVariableValues } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { costTooHigh } from '../errors.js';
import type { Context } from '../graphql/context.js';
import { fieldCost } from './fieldCost.js';

export interface CostLimitOptions {
  /** The largest estimated cost an operation may have (see `fieldCost`), unless its context sets its own. */
  maxCost: number;
}

/**
 * Refuses an operation whose estimated cost is above `maxCost` with HTTP 400 GRAPHQL_VALIDATION_FAILED before it
 * runs. The estimate is made once the operation is known, with the request's variables, so that `first: $f`
 * counts exactly as `first: 1000` does (a validation rule sees only literals).
 */
export function createCostLimitPlugin({ maxCost }: CostLimitOptions): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, operationName, request, contextValue }) {
          const variables = request.variables ?? {};
          // Variables that do not fit their types: execution refuses them with its own 400 before any resolver runs.
          if (getVariableValues(schema, operation?.variableDefinitions ?? [], variables).errors) return;
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              operationName: operationName ?? undefined,
              variables,
              estimators: [fieldCost],
            });
          } catch (error) {
            // Such as more than 10,000 fields once fragments are spread.
            throw new GraphQLError(`The operation cannot be costed: ${(error as Error).message}`, {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
            });
          }
          const limit = contextValue.maxCost ?? maxCost;
          if (cost > limit) throw costTooHigh(cost, limit);
        },
      };
    },
  };
}

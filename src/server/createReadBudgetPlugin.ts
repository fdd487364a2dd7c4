import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode, responseTooLarge } from '../errors.js';
import type { Context } from '../graphql/context.js';

/**
 * Answers a query that outgrew its read budget (see `DatabaseOptions.maxReadBytes`) with one RESPONSE_TOO_LARGE
 * error, no data and HTTP 422, rather than the fields that happened to fit. A mutation keeps its normal answer:
 * its write has landed, and the error stays on the payload field that outgrew the budget.
 */
export function createReadBudgetPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue, operation }) {
          const { db } = contextValue;
          if (db.maxReadBytes === undefined || db.stats.bytesRead <= db.maxReadBytes) return;
          if (operation?.operation !== 'query' || response.body.kind !== 'single') return;
          const error = responseTooLarge(db.maxReadBytes);
          const { http: _http, ...extensions } = error.extensions;
          response.body.singleResult = {
            data: null,
            errors: [{ message: error.message, extensions: { ...extensions, code: ErrorCode.RESPONSE_TOO_LARGE } }],
            ...(response.body.singleResult.extensions ? { extensions: response.body.singleResult.extensions } : {}),
          };
          response.http.status = 422;
        },
      };
    },
  };
}

import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors.js';
import { NO_OPERATION, type Metrics } from './createMetrics.js';

/** Codes an outcome label may take besides `ok`: ours and Apollo's; anything else is `other`. */
const KNOWN_CODES = new Set<string>([...Object.values(ErrorCode), ...Object.values(ApolloServerErrorCode)]);

/**
 * Counts and times every GraphQL request by operation name and outcome. The name is taken once the document parsed
 * and validated (a client-sent `operationName` alone never becomes a label); the outcome is `ok` or the first error
 * code of the answer. Requests refused while building the context (401, 429, 503) or unreadable by Apollo are
 * counted under `(none)`, without a duration.
 */
export function createMetricsPlugin<TContext extends BaseContext>(metrics: Metrics): ApolloServerPlugin<TContext> {
  const refused = (error: Error) =>
    metrics.graphqlRequests.inc({
      operation: NO_OPERATION,
      outcome: outcomeOf(error instanceof GraphQLError ? error.extensions['code'] : undefined),
    });
  return {
    async contextCreationDidFail({ error }) {
      refused(error);
    },
    async invalidRequestWasReceived({ error }) {
      refused(error);
    },
    async requestDidStart() {
      const started = performance.now();
      let operation = NO_OPERATION;
      return {
        async didResolveOperation({ operation: resolved, operationName }) {
          // Apollo calls this also when the document has no operation of the requested name; execution then fails.
          if (resolved) operation = metrics.operationLabel(operationName ?? null);
        },
        async willSendResponse({ response }) {
          const errors =
            response.body.kind === 'single' ? response.body.singleResult.errors : response.body.initialResult.errors;
          const labels = { operation, outcome: errors?.length ? outcomeOf(errors[0]!.extensions?.['code']) : 'ok' };
          metrics.graphqlRequests.inc(labels);
          metrics.graphqlDuration.observe(labels, (performance.now() - started) / 1000);
        },
      };
    },
  };
}

function outcomeOf(code: unknown): string {
  if (code === undefined) return ErrorCode.INTERNAL_SERVER_ERROR;
  return typeof code === 'string' && KNOWN_CODES.has(code) ? code : 'other';
}

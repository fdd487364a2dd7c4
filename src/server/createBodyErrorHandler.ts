import type { ErrorRequestHandler } from 'express';
import type { GraphQLError } from 'graphql';
import { malformedBody, payloadTooLarge } from '../errors.js';

/**
 * Answers body-parser failures as GraphQL errors in JSON: 413 PAYLOAD_TOO_LARGE over the limit, 400 BAD_REQUEST
 * for broken JSON. Errors after the response started (a timed-out operation finishing late) are dropped.
 */
export function createBodyErrorHandler({ limitBytes }: { limitBytes: number }): ErrorRequestHandler {
  return (error: unknown, _request, response, next) => {
    if (response.headersSent) return;
    const type = (error as { type?: unknown }).type;
    const answer = (graphqlError: GraphQLError) => {
      const { http, ...extensions } = graphqlError.extensions as { http: { status: number } };
      response.status(http.status).json({ errors: [{ message: graphqlError.message, extensions }] });
    };
    if (type === 'entity.too.large') return answer(payloadTooLarge(limitBytes));
    if (type === 'entity.parse.failed') return answer(malformedBody((error as Error).message));
    next(error);
  };
}

import type { ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors.js';
import { sendHttpError } from './sendHttpError.js';

/**
 * Answers a failure of a /graphql request outside GraphQL execution: the client's (`clientError`, such as a body
 * it cannot send) as that error, ours as 500 with the request's id, after `onError` reported it. Once the answer
 * has started, ours cuts the connection instead.
 */
export function sendGraphqlFailure(
  response: ServerResponse,
  requestId: string,
  error: unknown,
  clientError: GraphQLError | null,
  onError: (error: unknown, requestId: string) => void,
): void {
  if (clientError) return sendHttpError(response, clientError);
  onError(error, requestId);
  if (response.headersSent) return void response.destroy();
  sendHttpError(
    response,
    new GraphQLError('Internal server error. It is logged under extensions.requestId.', {
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId, http: { status: 500 } },
    }),
  );
}

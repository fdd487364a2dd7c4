import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLRequest } from '@apollo/server';
import bodyParser from 'body-parser';
import type { GraphQLError } from 'graphql';
import { createWriteDeadline, type LateWrite, type WriteDeadline } from '../neo4j/createWriteDeadline.js';
import { createCorsMiddleware } from './createCorsMiddleware.js';
import { bodyParserError } from './bodyParserError.js';
import { createOperationTimeout } from './createOperationTimeout.js';
import { REQUEST_ID_HEADER, requestIdOf, withRequestId } from '../requestId.js';
import { sendGraphqlFailure } from './sendGraphqlFailure.js';

export interface GraphqlRequestHandlerOptions<TContext extends BaseContext> {
  /** A started Apollo Server. */
  apollo: ApolloServer<TContext>;
  /**
   * Builds the context of one request; what it throws is answered like a resolver error. Its writes must run under
   * `deadline`, which expires when the request times out.
   */
  context: (request: IncomingMessage, deadline: WriteDeadline) => Promise<TContext>;
  /** Browser origins allowed to call the endpoint (`*`: any). */
  corsOrigins: readonly string[];
  /** Largest accepted JSON body. */
  bodyLimitBytes: number;
  /** Longest a request may go unanswered before 504 OPERATION_TIMEOUT. */
  timeoutMs: number;
  /** Failures that are not the client's (they are answered 500 with the request's id). */
  onError: (error: unknown, requestId: string) => void;
  /** How each write that was pending when its request timed out ended. */
  onLateWrite?: (write: LateWrite) => void;
}

/**
 * Serves the GraphQL endpoint on bare `node:http`, as Apollo Server's standalone server does (CORS, then
 * body-parser, then `executeHTTPGraphQLRequest`), with our limits around it: every answer is `no-store`, bodies
 * over the limit or not JSON answer 413 or 400, slow operations 504. Every answer carries the request's id in
 * `x-request-id` (see requestIdOf), and Apollo runs with it as the current one, so that errors are logged and
 * answered under it. Express stays for the other routes; on the
 * endpoint clients call most, its request and response wrappers cost more than the rest of a small answer's HTTP
 * handling.
 */
export function createGraphqlRequestHandler<TContext extends BaseContext>(
  options: GraphqlRequestHandlerOptions<TContext>,
): (request: IncomingMessage, response: ServerResponse) => void {
  const { apollo, context, bodyLimitBytes, onError } = options;
  const cors = createCorsMiddleware({ allowedOrigins: options.corsOrigins });
  const parseJson = bodyParser.json({ limit: bodyLimitBytes });
  const armTimeout = createOperationTimeout({ timeoutMs: options.timeoutMs });

  const fail = (response: ServerResponse, requestId: string, error: unknown, clientError: GraphQLError | null = null) =>
    sendGraphqlFailure(response, requestId, error, clientError, onError);

  const execute = async (
    request: IncomingMessage & { body?: unknown },
    response: ServerResponse,
    deadline: WriteDeadline,
  ) => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const url = request.url ?? '';
    const query = url.indexOf('?');
    const httpGraphQLRequest: HTTPGraphQLRequest = {
      method: request.method?.toUpperCase() ?? 'GET',
      headers,
      search: query === -1 ? '' : url.slice(query),
      body: request.body,
    };
    const answer = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      context: () => context(request, deadline),
    });
    if (response.headersSent) return; // timed out meanwhile
    for (const [key, value] of answer.headers) response.setHeader(key, value);
    response.statusCode = answer.status ?? 200;
    if (answer.body.kind === 'complete') return void response.end(answer.body.string);
    for await (const chunk of answer.body.asyncIterator) response.write(chunk);
    response.end();
  };

  return (request, response) => {
    const requestId = requestIdOf(request.headers[REQUEST_ID_HEADER]);
    response.setHeader(REQUEST_ID_HEADER, requestId);
    cors(request, response, (corsError) => {
      if (corsError) return fail(response, requestId, corsError);
      // Answers reflect the live graph; with Apollo's cache hints disabled, say so ourselves.
      response.setHeader('cache-control', 'no-store');
      const deadline = createWriteDeadline({ onLateWrite: options.onLateWrite });
      armTimeout(response, deadline);
      parseJson(request, response, (bodyError) => {
        if (bodyError) return fail(response, requestId, bodyError, bodyParserError(bodyError, bodyLimitBytes));
        withRequestId(requestId, () => execute(request, response, deadline)).catch((error: unknown) =>
          fail(response, requestId, error),
        );
      });
    });
  };
}

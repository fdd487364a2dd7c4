import type { IncomingMessage } from 'node:http';
import type { BaseContext } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import bodyParser from 'body-parser';
import express from 'express';
import { createWriteDeadline, type WriteDeadline } from '../neo4j/createWriteDeadline.js';
import { bodyParserError } from './bodyParserError.js';
import { createCorsMiddleware } from './createCorsMiddleware.js';
import type { GraphqlRequestHandlerOptions } from './createGraphqlRequestHandler.js';
import { createOperationTimeout } from './createOperationTimeout.js';
import { REQUEST_ID_HEADER, requestIdOf, withRequestId } from '../requestId.js';
import { sendGraphqlFailure } from './sendGraphqlFailure.js';

/** What the first step of a request leaves for the later ones. */
interface GraphqlLocals {
  requestId: string;
  deadline: WriteDeadline;
}

/**
 * The GraphQL endpoint as Express middleware, executed by Apollo's own Express integration (`expressMiddleware`):
 * the supported path, for `GRAPHQL_HTTP=express`. It keeps every rule of createGraphqlRequestHandler (request id,
 * CORS, `no-store`, body limit, timeout with the write deadline, masked 500s), in the same order, so that both
 * answer alike; only the request and response wrappers differ.
 */
export function createGraphqlExpressHandler<TContext extends BaseContext>(
  options: GraphqlRequestHandlerOptions<TContext>,
): express.Router {
  const { apollo, context, bodyLimitBytes, onError } = options;
  const parseJson = bodyParser.json({ limit: bodyLimitBytes });
  const armTimeout = createOperationTimeout({ timeoutMs: options.timeoutMs });
  const locals = (response: express.Response) => response.locals as GraphqlLocals;
  const router = express.Router();
  router.use(
    (request, response, next) => {
      const requestId = requestIdOf(request.headers[REQUEST_ID_HEADER]);
      response.setHeader(REQUEST_ID_HEADER, requestId);
      locals(response).requestId = requestId;
      next();
    },
    createCorsMiddleware({ allowedOrigins: options.corsOrigins }),
    (_request, response, next) => {
      // Answers reflect the live graph; with Apollo's cache hints disabled, say so ourselves.
      response.setHeader('cache-control', 'no-store');
      const deadline = createWriteDeadline({ onLateWrite: options.onLateWrite });
      armTimeout(response, deadline);
      locals(response).deadline = deadline;
      next();
    },
    (request, response, next) =>
      parseJson(request, response, (bodyError) => {
        if (!bodyError) return next();
        sendGraphqlFailure(
          response,
          locals(response).requestId,
          bodyError,
          bodyParserError(bodyError, bodyLimitBytes),
          onError,
        );
      }),
    (_request, response, next) => withRequestId(locals(response).requestId, next),
    expressMiddleware(apollo, { context: ({ req, res }) => context(req as IncomingMessage, locals(res).deadline) }),
  );
  router.use(((error, _request, response, _next) => {
    // The timeout answered while the operation ran; its late answer has nowhere to go.
    if (response.headersSent && (error as { code?: unknown }).code === 'ERR_HTTP_HEADERS_SENT') return;
    sendGraphqlFailure(response, locals(response).requestId, error, null, onError);
  }) as express.ErrorRequestHandler);
  return router;
}

import type http from 'node:http';
import { GraphQLError, specifiedRules, validate, type GraphQLSchema, type ValidationRule } from 'graphql';
import { createHandler } from 'graphql-sse/lib/use/http';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Principal } from '../auth/Principal.js';
import type { ChangeFeed } from '../changes/createChangeFeed.js';
import { ErrorCode } from '../errors.js';
import type { Context } from '../graphql/context.js';
import { clientAddress } from './clientAddress.js';
import { createClientSlots } from './createClientSlots.js';

export interface SubscriptionServerOptions {
  httpServer: http.Server;
  schema: GraphQLSchema;
  changeFeed: ChangeFeed;
  /** Turns a bearer token into a principal, refusing as `/graphql` does (bad token, reads that need a key). */
  authorize: (authorization: string | undefined) => Promise<Principal | null>;
  /** A subscription's context for `principal`. */
  context: (principal: Principal | null) => Context;
  /** Checked on top of graphql-js's own rules, as on `/graphql`. */
  validationRules: readonly ValidationRule[];
  /** Open WebSockets and event streams per client address. */
  maxConnectionsPerClient: number;
  /** Subscriptions one WebSocket may carry at once. */
  maxSubscriptionsPerConnection: number;
  trustedProxies: number;
}

export interface SubscriptionServer {
  /** Serves `/graphql/stream`: graphql-sse's server-sent events, for clients that cannot open a WebSocket. */
  handleEventStream: http.RequestListener;
  /** Ends every subscription and connection. */
  close(): Promise<void>;
}

/** Largest WebSocket message; operations are small. */
const MAX_MESSAGE_BYTES = 64 * 1024;

/**
 * Serves `Subscription` over graphql-ws on `/graphql` (WebSocket upgrades of the HTTP server) and over graphql-sse
 * on `/graphql/stream`. Both authorize as `/graphql` does (the token in the connection's `authorization` parameter
 * or header), validate with the same limits, and count against one allowance of connections per client.
 */
export function createSubscriptionServer(options: SubscriptionServerOptions): SubscriptionServer {
  const { httpServer, schema, changeFeed, authorize, context, trustedProxies } = options;
  const slots = createClientSlots({ maxPerClient: options.maxConnectionsPerClient });
  const rules = [...specifiedRules, ...options.validationRules];
  const validateWithLimits: typeof validate = (schemaToCheck, document) => validate(schemaToCheck, document, rules);

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const principals = new WeakMap<object, Principal | null>();
  const subscriptionCounts = new WeakMap<WebSocket, number>();
  const onUpgrade = (request: http.IncomingMessage, socket: import('node:stream').Duplex, head: Buffer) => {
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== '/graphql') return void socket.destroy();
    const release = slots.acquire(clientAddress(request, trustedProxies));
    if (!release)
      return void socket.end('HTTP/1.1 429 Too Many Requests\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    sockets.handleUpgrade(request, socket, head, (webSocket) => {
      webSocket.once('close', release);
      sockets.emit('connection', webSocket, request);
    });
  };
  httpServer.on('upgrade', onUpgrade);
  const graphqlWs = useServer<Record<string, unknown> | undefined>(
    {
      schema,
      validate: validateWithLimits,
      // Refusing closes the socket with 4403 Forbidden; the client's connectionParams carry { authorization }.
      onConnect: async (ctx) => {
        const authorization = ctx.connectionParams?.['authorization'];
        try {
          principals.set(
            ctx.extra.socket,
            await authorize(typeof authorization === 'string' ? authorization : undefined),
          );
          return true;
        } catch {
          return false;
        }
      },
      onSubscribe: (ctx) => {
        const count = (subscriptionCounts.get(ctx.extra.socket) ?? 0) + 1;
        if (count > options.maxSubscriptionsPerConnection) {
          return [
            tooManySubscriptions(
              `Too many subscriptions on this connection: at most ${options.maxSubscriptionsPerConnection} at once.`,
            ),
          ];
        }
        subscriptionCounts.set(ctx.extra.socket, count);
        return undefined;
      },
      onComplete: (ctx) =>
        void subscriptionCounts.set(ctx.extra.socket, Math.max(0, (subscriptionCounts.get(ctx.extra.socket) ?? 1) - 1)),
      context: (ctx) => ({ ...context(principals.get(ctx.extra.socket) ?? null), changeFeed }),
    },
    sockets,
  );

  const eventStream = createHandler<Record<PropertyKey, unknown>>({
    schema,
    validate: validateWithLimits,
    onSubscribe: async (req) => {
      try {
        principals.set(req.raw, await authorize(req.headers.get('authorization') ?? undefined));
        return undefined;
      } catch (error) {
        const refusal =
          error instanceof GraphQLError
            ? error
            : new GraphQLError('Not authorized.', {
                extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
              });
        const status = (refusal.extensions['http'] as { status?: number } | undefined)?.status ?? 401;
        return [
          JSON.stringify({ errors: [{ message: refusal.message, extensions: { code: refusal.extensions['code'] } }] }),
          { status, statusText: 'Refused', headers: { 'content-type': 'application/json; charset=utf-8' } },
        ];
      }
    },
    // graphql-sse types contexts as plain records; this one is our Context.
    context: (req): Record<PropertyKey, unknown> => ({ ...context(principals.get(req.raw) ?? null), changeFeed }),
  });

  return {
    handleEventStream(request, response) {
      const release = slots.acquire(clientAddress(request, trustedProxies));
      if (!release) {
        response.writeHead(429, { 'content-type': 'application/json; charset=utf-8', 'retry-after': '10' });
        return void response.end(
          JSON.stringify({
            errors: [
              {
                message: `Too many open event streams and WebSockets from this client: at most ${options.maxConnectionsPerClient}.`,
                extensions: { code: ErrorCode.RATE_LIMITED },
              },
            ],
          }),
        );
      }
      response.once('close', release);
      eventStream(request, response).catch((error: unknown) => {
        if (!response.headersSent) response.writeHead(500).end();
        else response.destroy(error instanceof Error ? error : undefined);
      });
    },
    async close() {
      httpServer.off('upgrade', onUpgrade);
      changeFeed.close();
      for (const client of sockets.clients) client.terminate();
      await graphqlWs.dispose();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
    },
  };
}

function tooManySubscriptions(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.RATE_LIMITED } });
}

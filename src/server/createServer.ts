import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import express from 'express';
import { GraphQLError } from 'graphql';
import type { Driver } from 'neo4j-driver';
import type { Logger } from 'pino';
import { createAuthenticator } from '../auth/createAuthenticator.js';
import { createJwtVerifier, type JwtVerifierOptions } from '../auth/createJwtVerifier.js';
import type { Principal } from '../auth/Principal.js';
import { requireRole } from '../auth/requireRole.js';
import type { Context } from '../graphql/context.js';
import { createLoaders } from '../graphql/createLoaders.js';
import { createExecutableSchema } from '../graphql/createExecutableSchema.js';
import { createDatabase, type Database } from '../neo4j/Database.js';
import { createWriteDeadline, type WriteDeadline } from '../neo4j/createWriteDeadline.js';
import { createReadAheadCache } from '../models/ReadAheadCache.js';
import { createRepositories } from '../repositories/createRepositories.js';
import { FULL_PROJECTION } from '../repositories/ProjectionShape.js';
import { createAbuseLimits, DEFAULT_ABUSE_LIMITS, type AbuseLimits } from './createAbuseLimits.js';
import { createCompiledExecutionGateway } from './createCompiledExecutionGateway.js';
import { createCorsMiddleware } from './createCorsMiddleware.js';
import { createErrorPlugin, createFormatError } from './createErrorPlugin.js';
import { createGraphqlExpressHandler } from './createGraphqlExpressHandler.js';
import { createGraphqlRequestHandler, type GraphqlRequestHandlerOptions } from './createGraphqlRequestHandler.js';
import { createExplorerRouter } from '../explorer/createExplorerRouter.js';
import { createCurateRouter } from '../curate/createCurateRouter.js';
import { createGraphiqlRouter } from '../graphiql/createGraphiqlRouter.js';
import { createExportRouter } from '../export/createExportRouter.js';
import { createDeadlineDatabase } from '../export/createDeadlineDatabase.js';
import { createGraphqlLoadGraph, EXPORT_MAX_COST } from '../export/createGraphqlLoadGraph.js';
import { createHealthRouter } from './createHealthRouter.js';
import { createMetrics } from './createMetrics.js';
import { createMetricsPlugin } from './createMetricsPlugin.js';
import { createMetricsRouter } from './createMetricsRouter.js';
import { createRateLimiter, type RateLimitOptions } from './createRateLimiter.js';
import { createNeo4jMonitor, type Neo4jMonitor } from './createNeo4jMonitor.js';
import { createCircuitBreakerPlugin } from './createCircuitBreakerPlugin.js';
import { flagCommitInDoubt } from './flagCommitInDoubt.js';
import type { Neo4jSupervision } from '../neo4j/superviseEmbeddedNeo4j.js';
import { createProjectionPlugin } from './createProjectionPlugin.js';
import { createQueryStatsPlugin } from './createQueryStatsPlugin.js';
import { createReadBudgetPlugin } from './createReadBudgetPlugin.js';
import { createLandingPagePlugin, type GraphqlIde } from './createLandingPagePlugin.js';
import { createSchemaRouter } from './createSchemaRouter.js';
import { createSubscriptionServer, type SubscriptionServer } from './createSubscriptionServer.js';
import { createChangeFeed } from '../changes/createChangeFeed.js';
import { readChangesSince } from '../repositories/readChangesSince.js';
import { loadSchema } from './loadSchema.js';
import { createNameNormalizer } from '../nlp/createNameNormalizer.js';
import type { NlpClient } from '../nlp/NlpClient.js';
import { startLemmaIndexer, type LemmaIndexer } from './startLemmaIndexer.js';
import { sendExportRefusal } from './sendExportRefusal.js';

export interface ServerOptions {
  driver: Driver;
  logger: Logger;
  /** Neo4j database name; omitted: the server's default. */
  database?: string | undefined;
  /** Production hides stack traces and field suggestions. */
  production?: boolean;
  /** Adds `extensions.queryStats` (Cypher round trips) to every response. */
  exposeQueryStats?: boolean;
  /** Default true. False also hides `GET /schema.graphql`. */
  introspection?: boolean;
  /** What a browser opening `/graphql` gets: self-hosted GraphiQL (default), Apollo Sandbox (from its CDN), or nothing. */
  graphqlIde?: GraphqlIde;
  /** When true, every operation and export needs a bearer token (any role). Default false: reads are public. */
  readsRequireKey?: boolean;
  /** How JWTs are verified; without a secret or JWKS URL, only API keys are accepted. */
  jwt?: JwtVerifierOptions;
  /** Browser origins allowed to call the API (`*`: any). Default: none. */
  corsOrigins?: readonly string[];
  limits?: Partial<AbuseLimits>;
  /** Largest accepted request body. Default 1 MiB. */
  bodyLimitBytes?: number;
  /** Longest an operation may run, both in HTTP and in Neo4j. Default 15 s. */
  operationTimeoutMs?: number;
  /** While Neo4j is down, how often it is probed. Default 1 s. */
  probeIntervalMs?: number;
  /** Exports served at once; more answer 503 with Retry-After. Default 2. */
  exportMaxConcurrent?: number;
  /** Per-client allowances on /graphql and /export; omitted: no rate limit. */
  rateLimits?: Omit<RateLimitOptions, 'onRefused'> | undefined;
  /** When set, `GET /metrics` needs it as a bearer token. */
  metricsToken?: string | undefined;
  /** How long a probe of a down Neo4j waits for an answer. Default 1 s. */
  probeTimeoutMs?: number;
  /** Requests in a row that found Neo4j unresponsive before requests fail fast. Default 3. */
  breakerThreshold?: number;
  /** How often the change feed reads the audit trail while a subscription is open. Default 1 s. */
  changePollIntervalMs?: number;
  /** Open WebSockets and event streams per client address. Default 10. */
  subscriptionMaxConnectionsPerClient?: number;
  /** The embedded Neo4j's supervisor, whose state /health, /ready and /metrics report; omitted with an external Neo4j. */
  neo4jSupervisor?: Neo4jSupervision | undefined;
  /**
   * The supervised text-analysis worker: search matches inflected forms through it, and the server keeps entities'
   * lemma keys current. Omitted or down: search matches names as written.
   */
  nlp?: NlpClient | undefined;
  /**
   * Default true: operations run a second time are compiled with graphql-jit through Apollo's gateway executor.
   * False: Apollo runs every operation with graphql-js, its supported executor.
   */
  compiledExecution?: boolean;
  /**
   * Default `node`: /graphql is served on bare node:http (createGraphqlRequestHandler). `express`: through Express
   * and Apollo's express5 integration (createGraphqlExpressHandler), its supported path.
   */
  graphqlHttp?: GraphqlHttp;
}

/** How /graphql is served over HTTP: on bare node:http, or through Express. */
export type GraphqlHttp = 'node' | 'express';

/** A built but not yet listening server. */
export interface CoopgraphServer {
  app: express.Express;
  httpServer: http.Server;
  /** Starts Apollo and mounts the routes; call once before `listen`. */
  start(): Promise<void>;
  listen(port: number, host?: string): Promise<{ url: string }>;
  /** Stops accepting requests, drains in-flight ones, then resolves. Does not close the driver. */
  stop(): Promise<void>;
  /** The circuit breaker in front of Neo4j, for metrics. */
  readonly neo4jCircuit: Pick<Neo4jMonitor, 'state' | 'reason'>;
  /** Writes pending lemma keys now (tests and tools that search right after writing); 0 without a worker. */
  refreshSearchLemmas(): Promise<number>;
}

/** Builds the HTTP server and GraphQL API over the given dependencies, without I/O. */
export function createServer(options: ServerOptions): CoopgraphServer {
  const { driver, logger, database, production = false, exposeQueryStats = false, readsRequireKey = false } = options;
  const { compiledExecution = true, graphqlHttp = 'node' } = options;
  const bodyLimitBytes = options.bodyLimitBytes ?? 1_048_576;
  const operationTimeoutMs = options.operationTimeoutMs ?? 15_000;
  const app = express();
  app.disable('x-powered-by');
  // Express hashes every body it sends into an ETag; GraphQL answers and exports are live reads sent with
  // `no-store` and never revalidated. (Static explorer assets keep the validators express.static gives them.)
  app.disable('etag');
  let serveGraphql: http.RequestListener | undefined;
  let subscriptions: SubscriptionServer | undefined;
  let serveEventStream: http.RequestListener | undefined;
  // `/graphql` is served on bare node:http (see createGraphqlRequestHandler) unless graphqlHttp is `express`;
  // Express serves the rest.
  const httpServer = http.createServer((request, response) => {
    if (serveEventStream && isEventStreamPath(request.url)) serveEventStream(request, response);
    else if (serveGraphql && isGraphqlPath(request.url)) serveGraphql(request, response);
    else app(request, response);
  });
  const monitor = createNeo4jMonitor({
    driver,
    database,
    probeIntervalMs: options.probeIntervalMs ?? 1_000,
    probeTimeoutMs: options.probeTimeoutMs ?? 1_000,
    failureThreshold: options.breakerThreshold ?? 3,
    onChange: (available, reason) =>
      available
        ? logger.info('Neo4j is reachable again')
        : logger.warn({ reason }, 'Neo4j is unreachable: failing fast'),
  });
  const supervisor = options.neo4jSupervisor;
  const nameNormalizer = options.nlp ? createNameNormalizer(options.nlp) : null;
  let lemmaIndexer: LemmaIndexer | null = null;
  const metrics = createMetrics({ neo4jStatus: supervisor && (() => supervisor.status()) });
  const rateLimiter = options.rateLimits
    ? createRateLimiter({ ...options.rateLimits, onRefused: (caller) => metrics.rateLimited.inc({ caller }) })
    : null;
  const authenticate = createAuthenticator({
    db: createDatabase({ driver, database, timeoutMs: operationTimeoutMs, activeSessions: metrics.neo4jSessions }),
    verifyJwt: createJwtVerifier(options.jwt ?? {}),
  });
  const abuseLimits = { ...DEFAULT_ABUSE_LIMITS, ...options.limits };
  const limits = createAbuseLimits(abuseLimits);

  const schema = createExecutableSchema(loadSchema());
  const introspection = options.introspection ?? true;
  const apollo = new ApolloServer<Context>({
    // Repeated operations run compiled (graphql-jit): graphql-js costs about a microsecond per field, and answers
    // have thousands of fields.
    ...(compiledExecution ? { gateway: createCompiledExecutionGateway({ schema }) } : { schema }),
    formatError: createFormatError({ logger, production }),
    includeStacktraceInErrorResponses: !production,
    hideSchemaDetailsFromClientErrors: production,
    introspection,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    // src/index.ts owns the process and its signals.
    stopOnTerminationSignals: false,
    plugins: [
      // Cache hints would wrap every field resolver (thousands per network answer); nothing here is cacheable anyway.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      createLandingPagePlugin(options.graphqlIde ?? 'graphiql'),
      createErrorPlugin(),
      createProjectionPlugin(),
      ...limits.plugins,
      createReadBudgetPlugin(),
      createMetricsPlugin(metrics),
      createCircuitBreakerPlugin(monitor),
      ...(exposeQueryStats ? [createQueryStatsPlugin()] : []),
    ],
  });

  /** A GraphQL request's Database: its read budget, its writes under the request's deadline, a commit in doubt said. */
  const requestDatabase = (deadline: WriteDeadline): Database =>
    flagCommitInDoubt(
      createDatabase({
        driver,
        database,
        timeoutMs: operationTimeoutMs,
        maxReadBytes: abuseLimits.maxReadBytes,
        activeSessions: metrics.neo4jSessions,
        deadline,
      }),
    );
  const createContext = (principal: Principal | null, db: Database): Context => {
    const projection = { ...FULL_PROJECTION };
    const readAhead = createReadAheadCache();
    const repositories = createRepositories(db, projection, readAhead);
    return {
      db,
      repositories,
      loaders: createLoaders(repositories, readAhead),
      readAhead,
      projection,
      principal,
      nameNormalizer,
      nlp: options.nlp ?? null,
    };
  };
  /** Fails fast while Neo4j is down, then turns the Authorization header into a principal. */
  const authorize = async (authorization: string | undefined): Promise<Principal | null> => {
    monitor.assertAvailable();
    const principal = await authenticate(authorization);
    if (readsRequireKey) requireRole(principal, 'reader');
    return principal;
  };
  /**
   * Authorizes, then counts the request against its caller's allowance: the principal's when the token verified,
   * else the client address's, so that a bad token spends its sender's anonymous allowance instead of opening one.
   */
  const admit = async (request: http.IncomingMessage): Promise<Principal | null> => {
    let principal: Principal | null;
    try {
      principal = await authorize(request.headers.authorization);
    } catch (error) {
      await rateLimiter?.consume(request, null);
      throw error;
    }
    await rateLimiter?.consume(request, principal);
    return principal;
  };
  // Exports run the same `network` operation as GraphQL clients, so both answer alike.
  const loadGraph = createGraphqlLoadGraph(async (query, variables, signal) => {
    const db = createDeadlineDatabase({
      driver,
      database,
      timeoutMs: operationTimeoutMs,
      maxReadBytes: abuseLimits.maxReadBytes,
      activeSessions: metrics.neo4jSessions,
      signal,
    });
    const response = await apollo.executeOperation(
      { query, variables },
      { contextValue: { ...createContext(null, db), maxCost: EXPORT_MAX_COST } },
    );
    if (response.body.kind !== 'single') throw new Error('export query answered incrementally');
    return response.body.singleResult;
  });
  const exportGate: express.RequestHandler = async (request, response, next) => {
    try {
      await admit(request);
      next();
    } catch (error) {
      if (!(error instanceof GraphQLError) || error.extensions['http'] === undefined)
        logger.error({ err: error }, 'export gate failed');
      sendExportRefusal(response, error);
    }
  };

  return {
    app,
    httpServer,
    neo4jCircuit: monitor,
    refreshSearchLemmas: () => lemmaIndexer?.refreshNow() ?? Promise.resolve(0),
    async start() {
      if (options.nlp)
        lemmaIndexer = startLemmaIndexer({ db: createDatabase({ driver, database }), nlp: options.nlp, logger });
      await apollo.start();
      const graphqlOptions: GraphqlRequestHandlerOptions<Context> = {
        apollo,
        context: async (request, deadline) => createContext(await admit(request), requestDatabase(deadline)),
        corsOrigins: options.corsOrigins ?? [],
        bodyLimitBytes,
        timeoutMs: operationTimeoutMs,
        onError: (error, requestId) =>
          logger.error({ err: error, requestId }, 'GraphQL request failed outside execution'),
        onLateWrite: (write) => logger.warn(write, 'a write of a timed-out operation settled'),
      };
      switch (graphqlHttp) {
        case 'node':
          serveGraphql = createGraphqlRequestHandler(graphqlOptions);
          break;
        case 'express': {
          // First, as on node:http: every request to /graphql goes to it, whatever the routes below would do.
          const graphqlRouter = createGraphqlExpressHandler(graphqlOptions);
          app.use((request, response, next) =>
            isGraphqlPath(request.url) ? graphqlRouter(request, response, next) : next(),
          );
          break;
        }
        default:
          throw new Error(`unknown graphqlHttp: ${graphqlHttp satisfies never}`);
      }
      const cors = createCorsMiddleware({ allowedOrigins: options.corsOrigins ?? [] });
      subscriptions = createSubscriptionServer({
        httpServer,
        schema,
        changeFeed: createChangeFeed({
          readSince: (since, skip, limit) =>
            readChangesSince(
              createDatabase({
                driver,
                database,
                timeoutMs: operationTimeoutMs,
                activeSessions: metrics.neo4jSessions,
              }),
              since,
              skip,
              limit,
            ),
          pollIntervalMs: options.changePollIntervalMs ?? 1_000,
          onError: (error) => logger.warn({ err: error }, 'the change feed could not read the audit trail'),
        }),
        authorize,
        context: (principal) => createContext(principal, requestDatabase(createWriteDeadline({}))),
        validationRules: limits.validationRules,
        maxConnectionsPerClient: options.subscriptionMaxConnectionsPerClient ?? 10,
        maxSubscriptionsPerConnection: 20,
        trustedProxies: options.rateLimits?.trustedProxies ?? 0,
      });
      const handleEventStream = subscriptions.handleEventStream;
      serveEventStream = (request, response) => cors(request, response, () => handleEventStream(request, response));
      app.use(cors);
      app.use(createHealthRouter({ driver, database, supervisor, circuit: monitor }));
      app.use(createMetricsRouter({ metrics, token: options.metricsToken }));
      app.use(createExplorerRouter());
      app.use(createCurateRouter());
      if ((options.graphqlIde ?? 'graphiql') === 'graphiql') app.use(createGraphiqlRouter());
      if (introspection) {
        if (readsRequireKey || rateLimiter) app.use('/schema.graphql', exportGate);
        app.use(createSchemaRouter(schema));
      }
      if (readsRequireKey || rateLimiter) app.use('/export', exportGate);
      app.use(
        createExportRouter({
          loadGraph,
          timeoutMs: operationTimeoutMs,
          maxConcurrent: options.exportMaxConcurrent,
          onUnexpectedError: (error, requestId) => logger.error({ err: error, requestId }, 'export failed'),
        }),
      );
    },
    listen(port, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address();
          const actualPort = typeof address === 'object' && address ? address.port : port;
          resolve({ url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${actualPort}` });
        });
      });
    },
    async stop() {
      monitor.close();
      await lemmaIndexer?.stop();
      await subscriptions?.close();
      await apollo.stop();
    },
  };
}

/** graphql-sse's endpoint: `/graphql/stream`, with or without a query string. */
function isEventStreamPath(url: string | undefined): boolean {
  return url !== undefined && (url === '/graphql/stream' || url.startsWith('/graphql/stream?'));
}

/** The GraphQL endpoint's path, with or without a trailing slash and a query string. */
function isGraphqlPath(url: string | undefined): boolean {
  if (url === undefined || !url.startsWith('/graphql')) return false;
  const rest = url.slice('/graphql'.length);
  return rest === '' || rest === '/' || rest.startsWith('?') || rest.startsWith('/?');
}

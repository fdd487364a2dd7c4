import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { Driver } from 'neo4j-driver';
import type { Logger } from 'pino';
import type { Context } from '../graphql/context.js';
import { createLoaders } from '../graphql/createLoaders.js';
import { resolvers } from '../graphql/resolvers/resolvers.js';
import { createDatabase } from '../neo4j/Database.js';
import { createRepositories } from '../repositories/createRepositories.js';
import { createErrorPlugin, formatError } from './createErrorPlugin.js';
import { createExplorerRouter } from '../explorer/createExplorerRouter.js';
import { createExportRouter } from '../export/createExportRouter.js';
import { createGraphqlLoadGraph } from '../export/createGraphqlLoadGraph.js';
import { createHealthRouter } from './createHealthRouter.js';
import { createQueryStatsPlugin } from './createQueryStatsPlugin.js';
import { loadSchema } from './loadSchema.js';

export interface ServerOptions {
  driver: Driver;
  logger: Logger;
  /** Neo4j database name; omitted: the server's default. */
  database?: string | undefined;
  /** Production hides stack traces and field suggestions. */
  production?: boolean;
  /** Adds `extensions.queryStats` (Cypher round trips) to every response. */
  exposeQueryStats?: boolean;
}

/** A built but not yet listening server. */
export interface CoopgraphServer {
  app: express.Express;
  httpServer: http.Server;
  /** Starts Apollo and mounts the routes; call once before `listen`. */
  start(): Promise<void>;
  listen(port: number, host?: string): Promise<{ url: string }>;
  /** Stops accepting requests, drains in-flight ones, then resolves. Does not close the driver. */
  stop(): Promise<void>;
}

/** Builds the HTTP server and GraphQL API over the given dependencies, without I/O. */
export function createServer(options: ServerOptions): CoopgraphServer {
  const { driver, logger, database, production = false, exposeQueryStats = false } = options;
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<Context>({
    typeDefs: loadSchema(),
    resolvers,
    formatError,
    includeStacktraceInErrorResponses: !production,
    introspection: true,
    // src/index.ts owns the process and its signals.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      createErrorPlugin({ logger }),
      ...(exposeQueryStats ? [createQueryStatsPlugin()] : []),
    ],
  });

  const createContext = async (): Promise<Context> => {
    const db = createDatabase({ driver, database });
    const repositories = createRepositories(db);
    return { db, repositories, loaders: createLoaders(repositories) };
  };
  // Exports run the same `network` operation as GraphQL clients, so both answer alike.
  const loadGraph = createGraphqlLoadGraph(async (query, variables) => {
    const response = await apollo.executeOperation({ query, variables }, { contextValue: await createContext() });
    if (response.body.kind !== 'single') throw new Error('export query answered incrementally');
    return response.body.singleResult;
  });

  return {
    app,
    httpServer,
    async start() {
      await apollo.start();
      app.use(createHealthRouter({ driver, database }));
      app.use(createExplorerRouter());
      app.use(createExportRouter({ loadGraph }));
      app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo, { context: createContext }));
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
    stop: () => apollo.stop(),
  };
}

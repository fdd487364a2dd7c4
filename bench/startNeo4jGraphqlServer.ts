import { readFileSync } from 'node:fs';
import type http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import type { Driver } from 'neo4j-driver';

const TYPE_DEFS = readFileSync(new URL('./neo4jGraphql/typeDefs.graphql', import.meta.url), 'utf8');

/** A listening HTTP server. */
export interface BenchServer {
  url: string;
  close(): Promise<void>;
}

/**
 * A `@neo4j/graphql` v7 server over `bench/neo4jGraphql/typeDefs.graphql` on Apollo Server 5's standalone server,
 * as the library's documentation sets it up. Like our `/graphql`, it serves on bare `node:http` with CORS and
 * body-parser. Listens on a free port of 127.0.0.1 and answers on any path, `/graphql` included.
 */
export async function startNeo4jGraphqlServer(driver: Driver): Promise<BenchServer> {
  const schema = await new Neo4jGraphQL({ typeDefs: TYPE_DEFS, driver }).getSchema();
  const apollo = new ApolloServer({ schema, introspection: false });
  const { url } = await startStandaloneServer(apollo, { listen: { port: 0, host: '127.0.0.1' } });
  // The standalone server drains and closes its HTTP server when Apollo stops.
  return { url: url.replace(/\/$/, ''), close: () => apollo.stop() };
}

/** Listens on a free port of 127.0.0.1; `close` stops `stop` first, then the server. */
export function listen(server: http.Server, stop: () => Promise<void> = async () => {}): Promise<BenchServer> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as import('node:net').AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        async close() {
          await stop();
          server.closeAllConnections();
          await new Promise<void>((done) => server.close(() => done()));
        },
      });
    });
  });
}

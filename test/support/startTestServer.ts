import type { Driver } from 'neo4j-driver';
import { pino } from 'pino';
import { createDriver } from '../../src/neo4j/createDriver.js';
import { createServer, type ServerOptions } from '../../src/server/createServer.js';
import { sharedNeo4j } from './sharedNeo4j.js';

export interface TestServer {
  url: string;
  driver: Driver;
  close(): Promise<void>;
}

/** The real server on an ephemeral port, over the test run's seeded Neo4j (or the given driver). */
export async function startTestServer(options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const ownDriver = options.driver ? null : createDriver({ uri: sharedNeo4j().uri });
  const driver = options.driver ?? ownDriver!;
  const server = createServer({ logger: pino({ level: 'silent' }), exposeQueryStats: true, ...options, driver });
  await server.start();
  const { url } = await server.listen(0);
  return {
    url,
    driver,
    async close() {
      await server.stop();
      await ownDriver?.close();
    },
  };
}

import { rm } from 'node:fs/promises';
import type { Driver } from 'neo4j-driver';
import { inject } from 'vitest';
import { createDriver, type DriverOptions } from '../../src/neo4j/createDriver.js';
import { copyNeo4jTemplate } from './copyNeo4jTemplate.js';
import { startHostedNeo4j, type HostedNeo4j } from './neo4jHost.js';

/**
 * A Neo4j with a store of a test file's own, a copy of a template (seeded unless told otherwise), run by the test
 * run's Neo4j host; for tests that write to it or stop it. (`startNeo4jProcess` serves tests that pause its JVM.)
 */
export interface IsolatedNeo4j {
  uri: string;
  dataDir: string;
  driver: Driver;
  /** Stops Neo4j; the store stays. */
  stop(): Promise<void>;
  /** Starts the store again on the same port after `stop()`. */
  restart(): Promise<void>;
  /** Closes the driver, stops Neo4j and deletes the store. */
  close(): Promise<void>;
}

const PAGE_CACHE = '64m';

export async function startIsolatedNeo4j({
  seed = true,
  driver: driverOptions = {},
}: { seed?: boolean; driver?: Omit<DriverOptions, 'uri'> } = {}): Promise<IsolatedNeo4j> {
  const dataDir = await copyNeo4jTemplate(seed, 'coopgraph-isolated-');
  let neo4j: HostedNeo4j | null = await startHostedNeo4j(inject('neo4jHost'), dataDir, PAGE_CACHE);
  const { uri, port } = neo4j;
  const driver = createDriver({ uri, ...driverOptions });
  const stop = async () => {
    await neo4j?.stop();
    neo4j = null;
  };
  return {
    uri,
    dataDir,
    driver,
    stop,
    async restart() {
      neo4j = await startHostedNeo4j(inject('neo4jHost'), dataDir, PAGE_CACHE, port);
    },
    async close() {
      await driver.close();
      await stop().catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

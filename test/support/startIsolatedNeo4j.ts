import { rm } from 'node:fs/promises';
import type { Driver } from 'neo4j-driver';
import { inject } from 'vitest';
import { createDriver, type DriverOptions } from '../../src/neo4j/createDriver.js';
import { copyNeo4jTemplate } from './copyNeo4jTemplate.js';
import { startHostedNeo4j } from './neo4jHost.js';

/**
 * A Neo4j with a store of a test file's own, a copy of a template (seeded unless told otherwise), run by the test
 * run's Neo4j host; for tests that write to it. (`startNeo4jProcess` serves tests that stop or pause it.)
 */
export interface IsolatedNeo4j {
  uri: string;
  dataDir: string;
  driver: Driver;
  /** Closes the driver, stops Neo4j and deletes the store. */
  close(): Promise<void>;
}

export async function startIsolatedNeo4j({
  seed = true,
  driver: driverOptions = {},
}: { seed?: boolean; driver?: Omit<DriverOptions, 'uri'> } = {}): Promise<IsolatedNeo4j> {
  const dataDir = await copyNeo4jTemplate(seed, 'coopgraph-isolated-');
  const neo4j = await startHostedNeo4j(inject('neo4jHost'), dataDir, '64m');
  const driver = createDriver({ uri: neo4j.uri, ...driverOptions });
  return {
    uri: neo4j.uri,
    dataDir,
    driver,
    async close() {
      await driver.close();
      await neo4j.stop().catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

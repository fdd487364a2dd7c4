import { rm } from 'node:fs/promises';
import type { Driver } from 'neo4j-driver';
import { createDriver, type DriverOptions } from '../../src/neo4j/createDriver.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/neo4j/startEmbeddedNeo4j.js';
import { copyNeo4jTemplate } from './copyNeo4jTemplate.js';
import { startOnFreePort } from './startOnFreePort.js';

/**
 * An embedded Neo4j in a JVM of a test file's own, on a copy of a template (seeded unless told otherwise); for tests
 * that pause that JVM. (`startIsolatedNeo4j` serves tests that only need a store of their own.)
 */
export interface Neo4jProcess {
  uri: string;
  driver: Driver;
  neo4j: EmbeddedNeo4j;
  /** Closes the driver, stops Neo4j and deletes the store. */
  close(): Promise<void>;
}

export async function startNeo4jProcess({
  seed = true,
  driver: driverOptions = {},
}: { seed?: boolean; driver?: Omit<DriverOptions, 'uri'> } = {}): Promise<Neo4jProcess> {
  const dataDir = await copyNeo4jTemplate(seed, 'coopgraph-process-');
  const neo4j = await startOnFreePort((port) =>
    startEmbeddedNeo4j({ dataDir, port, startTimeoutMs: 120_000, pageCache: '64m' }),
  );
  const driver = createDriver({ uri: neo4j.uri, ...driverOptions });
  return {
    uri: neo4j.uri,
    driver,
    neo4j,
    async close() {
      await driver.close();
      await neo4j.stop().catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

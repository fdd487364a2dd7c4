import { rm } from 'node:fs/promises';
import type { Driver } from 'neo4j-driver';
import { createDriver, type DriverOptions } from '../../src/neo4j/createDriver.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/neo4j/startEmbeddedNeo4j.js';
import { copyNeo4jTemplate } from './copyNeo4jTemplate.js';
import { startOnFreePort } from './startOnFreePort.js';

/**
 * An embedded Neo4j in a JVM of a test file's own, on a copy of a template (seeded unless told otherwise); for tests
 * that stop, pause or restart it. (`startIsolatedNeo4j` serves tests that only need a store of their own.)
 */
export interface Neo4jProcess {
  uri: string;
  dataDir: string;
  port: number;
  driver: Driver;
  neo4j: EmbeddedNeo4j;
  /** Starts the same store again on the same port after `neo4j.stop()`. */
  restart(): Promise<void>;
  /** Closes the driver, stops Neo4j and deletes the store. */
  close(): Promise<void>;
}

export async function startNeo4jProcess({
  seed = true,
  driver: driverOptions = {},
}: { seed?: boolean; driver?: Omit<DriverOptions, 'uri'> } = {}): Promise<Neo4jProcess> {
  const dataDir = await copyNeo4jTemplate(seed, 'coopgraph-process-');
  let port = 0;
  const start = () => startEmbeddedNeo4j({ dataDir, port, startTimeoutMs: 120_000, pageCache: '64m' });
  const neo4j = await startOnFreePort((free) => {
    port = free;
    return start();
  });
  const own: Neo4jProcess = {
    uri: '',
    dataDir,
    port,
    neo4j,
    driver: null as unknown as Driver,
    async restart() {
      own.neo4j = await start();
    },
    async close() {
      await own.driver.close();
      await own.neo4j.stop().catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  own.uri = own.neo4j.uri;
  own.driver = createDriver({ uri: own.uri, ...driverOptions });
  return own;
}

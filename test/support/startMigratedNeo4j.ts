import type { Driver } from 'neo4j-driver';
import { migrateAndSeed } from '../../src/migrateAndSeed.js';
import { createDriver } from '../../src/neo4j/createDriver.js';
import { startEmbeddedNeo4j } from '../../src/neo4j/startEmbeddedNeo4j.js';
import { startHostedNeo4j } from './neo4jHost.js';
import { startOnFreePort } from './startOnFreePort.js';

export interface MigratedNeo4j {
  driver: Driver;
  /** Closes the driver, then stops Neo4j cleanly (a copy of the store then starts without recovery). */
  stop(): Promise<void>;
}

/**
 * A Neo4j on `dataDir` and a free port, its migrations applied and, when `seed`, `seeds/` loaded into an empty graph:
 * in the Neo4j host at `hostControlPort` when given, else in an embedded JVM of its own. Nothing is left running when
 * that fails.
 */
export async function startMigratedNeo4j(options: {
  dataDir: string;
  seed: boolean;
  pageCache?: string;
  hostControlPort?: number;
}): Promise<MigratedNeo4j> {
  const { dataDir, seed, pageCache, hostControlPort } = options;
  const neo4j =
    hostControlPort === undefined
      ? await startOnFreePort((port) => startEmbeddedNeo4j({ dataDir, port, startTimeoutMs: 180_000, pageCache }))
      : await startHostedNeo4j(hostControlPort, dataDir, pageCache ?? '64m');
  const driver = createDriver({ uri: neo4j.uri });
  const stop = async () => {
    await driver.close();
    await neo4j.stop();
  };
  await migrateAndSeed(driver, undefined, seed).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { driver, stop };
}

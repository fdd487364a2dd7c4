import type { Driver } from 'neo4j-driver';
import { migrateAndSeed } from '../../src/migrateAndSeed.js';
import { createDriver } from '../../src/neo4j/createDriver.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/neo4j/startEmbeddedNeo4j.js';
import { startOnFreePort } from './startOnFreePort.js';

export interface MigratedNeo4j {
  neo4j: EmbeddedNeo4j;
  driver: Driver;
  /** Closes the driver, then stops Neo4j cleanly (a copy of the store then starts without recovery). */
  stop(): Promise<void>;
}

/**
 * An embedded Neo4j on `dataDir` and a free port, its migrations applied and, when `seed`, `seeds/` loaded into an
 * empty graph. Nothing is left running when that fails.
 */
export async function startMigratedNeo4j(options: {
  dataDir: string;
  seed: boolean;
  pageCache?: string;
}): Promise<MigratedNeo4j> {
  const { dataDir, seed, pageCache } = options;
  const neo4j = await startOnFreePort((port) =>
    startEmbeddedNeo4j({ dataDir, port, startTimeoutMs: 180_000, pageCache }),
  );
  const driver = createDriver({ uri: neo4j.uri });
  const stop = async () => {
    await driver.close();
    await neo4j.stop();
  };
  await migrateAndSeed(driver, undefined, seed).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { neo4j, driver, stop };
}

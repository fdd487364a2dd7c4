import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { Config } from '../config.js';
import { createDriver } from './createDriver.js';
import { superviseEmbeddedNeo4j, type Neo4jSupervisor, type Neo4jSupervisorEvent } from './superviseEmbeddedNeo4j.js';
import { StartupError } from './StartupError.js';

/** A driver and, when the embedded default was started for it, that Neo4j's supervisor. */
export interface Neo4jConnection {
  driver: Driver;
  embedded: Neo4jSupervisor | null;
  /** Closes the driver, then stops the embedded Neo4j if one was started. */
  close(): Promise<void>;
}

/**
 * Connects to `NEO4J_URI` when set; otherwise starts the embedded Neo4j in `NEO4J_DATA_DIR` first, supervised.
 * Resolves once a query succeeds, or rejects with a StartupError naming the cause and the fix.
 */
export async function connectNeo4j(
  config: Config,
  onProgress?: (message: string) => void,
  onSupervisorEvent?: (event: Neo4jSupervisorEvent) => void,
): Promise<Neo4jConnection> {
  const embedded = config.NEO4J_URI
    ? null
    : await superviseEmbeddedNeo4j({
        dataDir: path.resolve(config.NEO4J_DATA_DIR),
        port: config.NEO4J_EMBEDDED_PORT,
        pageCache: config.NEO4J_PAGECACHE,
        heap: config.NEO4J_HEAP,
        startTimeoutMs: config.NEO4J_START_TIMEOUT_MS,
        restart: {
          maxAttempts: config.NEO4J_RESTART_MAX_ATTEMPTS,
          initialDelayMs: config.NEO4J_RESTART_DELAY_MS,
          maxDelayMs: config.NEO4J_RESTART_MAX_DELAY_MS,
        },
        ...(onProgress ? { onProgress } : {}),
        ...(onSupervisorEvent ? { onEvent: onSupervisorEvent } : {}),
      });
  const uri = config.NEO4J_URI ?? embedded!.uri;
  const driver = createDriver({
    uri,
    username: config.NEO4J_USERNAME,
    password: config.NEO4J_PASSWORD,
    maxPoolSize: config.NEO4J_MAX_POOL_SIZE,
    acquireTimeoutMs: config.NEO4J_ACQUIRE_TIMEOUT_MS,
    maxRetryMs: config.NEO4J_MAX_RETRY_MS,
  });
  const close = async () => {
    await driver.close();
    await embedded?.stop();
  };
  try {
    await driver.executeQuery('RETURN 1', {}, { database: config.NEO4J_DATABASE });
  } catch (error) {
    await close();
    throw new StartupError(
      `Cannot reach Neo4j at ${uri} (${(error as Error).message.split('\n')[0]}): check NEO4J_URI, NEO4J_USERNAME and NEO4J_PASSWORD, or unset NEO4J_URI to use the embedded Neo4j.`,
    );
  }
  return { driver, embedded, close };
}

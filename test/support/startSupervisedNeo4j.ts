import { rm } from 'node:fs/promises';
import type { Driver } from 'neo4j-driver';
import { createDriver, type DriverOptions } from '../../src/neo4j/createDriver.js';
import {
  superviseEmbeddedNeo4j,
  type Neo4jSupervisor,
  type Neo4jSupervisorEvent,
  type RestartPolicy,
} from '../../src/neo4j/superviseEmbeddedNeo4j.js';
import { copyNeo4jTemplate } from './copyNeo4jTemplate.js';
import { startOnFreePort } from './startOnFreePort.js';

/**
 * A supervised embedded Neo4j of a test file's own, on a copy of a template (seeded unless told otherwise); for
 * tests that kill it.
 */
export interface SupervisedNeo4j {
  dataDir: string;
  port: number;
  driver: Driver;
  supervisor: Neo4jSupervisor;
  /** Everything the supervisor reported, in order. */
  events: Neo4jSupervisorEvent[];
  /** Kills the running JVM with the signal, as a crash or the OOM killer would; returns its pid. */
  kill(signal: NodeJS.Signals): number;
  /** Closes the driver, stops Neo4j and deletes the store. */
  close(): Promise<void>;
}

export async function startSupervisedNeo4j({
  seed = true,
  restart = {},
  driver: driverOptions = {},
}: {
  seed?: boolean;
  restart?: Partial<RestartPolicy>;
  driver?: Omit<DriverOptions, 'uri'>;
} = {}): Promise<SupervisedNeo4j> {
  const dataDir = await copyNeo4jTemplate(seed, 'coopgraph-supervised-');
  const events: Neo4jSupervisorEvent[] = [];
  let port = 0;
  const supervisor = await startOnFreePort((free) => {
    port = free;
    return superviseEmbeddedNeo4j({
      dataDir,
      port,
      startTimeoutMs: 120_000,
      pageCache: '64m',
      restart,
      onEvent: (event) => events.push(event),
    });
  });
  const driver = createDriver({ uri: supervisor.uri, ...driverOptions });
  return {
    dataDir,
    port,
    driver,
    supervisor,
    events,
    kill(signal) {
      const { pid } = supervisor.status();
      if (pid === null) throw new Error(`no Neo4j is running (${supervisor.status().state})`);
      process.kill(pid, signal);
      return pid;
    },
    async close() {
      await driver.close();
      await supervisor.stop().catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

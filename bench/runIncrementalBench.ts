import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { bulkLoadDocuments, DEFAULT_WRITE_CONCURRENCY, type BulkLoadReport } from '../src/bulk/bulkLoadDocuments.js';
import { writeScaleGraph } from '../src/generate/writeScaleGraph.js';
import { migrateAndSeed } from '../src/migrateAndSeed.js';
import { createDatabase } from '../src/neo4j/Database.js';
import { createDriver } from '../src/neo4j/createDriver.js';
import { startEmbeddedNeo4j } from '../src/neo4j/startEmbeddedNeo4j.js';
import { readGraphDigest, type GraphDigest } from '../src/repositories/readGraphDigest.js';
import { freePort } from '../test/support/freePort.js';
import { readManifest } from './startScaleDatabase.js';
import { describeMachine, type Machine } from './describeMachine.js';

export interface IncrementalBenchOptions {
  scale: number;
  /** Where the generated documents go; reused when they were generated for the same scale. */
  dataDir: string;
  /** Concurrent write transactions; omitted: `bulkLoadDocuments`' default. */
  concurrency?: number | undefined;
  progress: boolean;
  log: (line: string) => void;
}

/** One pass of `bulkLoadDocuments` over the scale's documents, with the machine's load average around it. */
export interface IncrementalRun extends BulkLoadReport {
  /** `os.loadavg()` (1, 5, 15 min) just before and just after the run. */
  loadBefore: number[];
  loadAfter: number[];
  /** CPU seconds (user + system) spent during the run by Neo4j's JVM (null where unreadable) and by this process. */
  cpuSeconds: { neo4j: number | null; node: number };
  digest: GraphDigest;
}

export interface IncrementalReport {
  date: string;
  mode: 'incremental';
  machine: Machine;
  scale: number;
  /** Concurrent write transactions. */
  concurrency: number;
  /** The store before the load: the curated seeds. */
  seeded: GraphDigest;
  /** Into the seeded store, then again over the unchanged graph. */
  first: IncrementalRun;
  second: IncrementalRun;
  /** Whether the second run left the graph as the first did. */
  idempotent: boolean;
}

/**
 * Starts a throw-away embedded Neo4j, migrates it and loads the curated seeds, then loads the scale's generated
 * documents through `bulkLoadDocuments` twice: once into the seeded store (an incremental load) and once more over
 * the unchanged graph, comparing `readGraphDigest` after each.
 */
export async function runIncrementalBench(options: IncrementalBenchOptions): Promise<IncrementalReport> {
  const manifest =
    (await readManifest(options.dataDir, options.scale)) ?? (await writeScaleGraph(options.scale, options.dataDir));
  options.log(`Generated scale ${options.scale}: ${manifest.entities} entities, ${manifest.relations} relations.`);
  const storeDir = await mkdtemp(path.join(os.tmpdir(), 'coopgraph-incremental-'));
  const neo4j = await startEmbeddedNeo4j({
    dataDir: storeDir,
    port: await freePort(),
    startTimeoutMs: 120_000,
    pageCache: '2g',
  });
  const driver = createDriver({ uri: neo4j.uri, maxPoolSize: 64 });
  try {
    await migrateAndSeed(driver, undefined, true);
    const db = createDatabase({ driver });
    const seeded = await readGraphDigest(db);
    const load = async (label: string): Promise<IncrementalRun> => {
      const loadBefore = os.loadavg();
      const neo4jBefore = processCpuSeconds(neo4j.pid);
      const nodeBefore = process.cpuUsage();
      const report = await bulkLoadDocuments(db, manifest.documentsDir, {
        progress: options.progress,
        ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
      });
      const loadAfter = os.loadavg();
      const neo4jAfter = processCpuSeconds(neo4j.pid);
      const node = process.cpuUsage(nodeBefore);
      const cpuSeconds = {
        neo4j: neo4jBefore === null || neo4jAfter === null ? null : neo4jAfter - neo4jBefore,
        node: (node.user + node.system) / 1e6,
      };
      const run = { ...report, loadBefore, loadAfter, cpuSeconds, digest: await readGraphDigest(db) };
      options.log(
        `${label}: ${report.rows} rows in ${report.seconds.toFixed(1)} s (${Math.round(report.rowsPerSecond)} rows/s), CPU s Neo4j ${cpuSeconds.neo4j?.toFixed(1)} / Node ${cpuSeconds.node.toFixed(1)}, load average ${loadBefore[0]!.toFixed(1)} → ${loadAfter[0]!.toFixed(1)}`,
      );
      return run;
    };
    const first = await load('Incremental load');
    const second = await load('Again, unchanged');
    return {
      date: new Date().toISOString(),
      mode: 'incremental',
      machine: describeMachine(),
      scale: options.scale,
      concurrency: options.concurrency ?? DEFAULT_WRITE_CONCURRENCY,
      seeded,
      first,
      second,
      idempotent: first.digest.sha256 === second.digest.sha256,
    };
  } finally {
    await driver.close();
    await neo4j.stop();
    await rm(storeDir, { recursive: true, force: true });
  }
}

/** User + system CPU seconds a process has used so far (Linux `/proc/<pid>/stat`); null where it cannot be read. */
function processCpuSeconds(pid: number): number | null {
  try {
    // Fields after the command (which may hold spaces) start at the 3rd; utime and stime are the 14th and 15th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').at(-1)!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** Linux's USER_HZ, the unit of `/proc/<pid>/stat` times, on every architecture Node runs on. */
const CLOCK_TICKS = 100;

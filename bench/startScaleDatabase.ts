import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { bulkLoadDocuments } from '../src/bulk/bulkLoadDocuments.js';
import { finishImport, importDocuments, IMPORT_WRITES_DATA_OF_MIGRATIONS } from '../src/bulk/importDocuments.js';
import { writeScaleGraph, type ScaleGraphManifest } from '../src/generate/writeScaleGraph.js';
import { runMigrations } from '../src/migrations/runMigrations.js';
import { createDatabase } from '../src/neo4j/Database.js';
import { createDriver } from '../src/neo4j/createDriver.js';
import { startEmbeddedNeo4j } from '../src/neo4j/startEmbeddedNeo4j.js';
import { freePort } from '../test/support/freePort.js';

/** How the graph gets into the empty store: Neo4j's offline importer, or batched `UNWIND … MERGE` transactions. */
export type LoadPath = 'import' | 'transactional';
export const LOAD_PATHS: readonly LoadPath[] = ['import', 'transactional'];

/** What the initial load took, end to end (for the importer: CSV files, importer, start, migrations, finish). */
export interface ScaleLoad {
  path: LoadPath;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  /** Seconds per phase, in order. */
  phases: Record<string, number>;
}

/** The Neo4j serving a scale database's store. */
export interface ScaleNeo4j {
  uri: string;
  /** Its own JVM's pid; null when it runs in a JVM shared with others. */
  pid: number | null;
  stop(): Promise<void>;
}

/** A fresh Neo4j holding the synthetic graph of one scale. */
export interface ScaleDatabase {
  neo4j: ScaleNeo4j;
  driver: Driver;
  manifest: ScaleGraphManifest;
  load: ScaleLoad;
  /** Closes the driver, stops Neo4j and deletes its store. */
  close(): Promise<void>;
}

export interface ScaleDatabaseOptions {
  scale: number;
  /** Where the generated documents go; reused when they were generated for the same scale. */
  dataDir: string;
  progress: boolean;
  /** `import` by default. */
  loadPath?: LoadPath;
  pageCache?: string;
  /** Off-heap memory of the importer. */
  importMemory?: string;
  /** Starts Neo4j on the loaded store; by default an embedded Neo4j of its own on a free port. */
  startNeo4j?: (storeDir: string, pageCache: string) => Promise<ScaleNeo4j>;
  log?: (line: string) => void;
}

/**
 * Generates the scale graph (when `dataDir` does not hold it yet), loads it into a throw-away store (through the
 * offline importer, or transactionally after the migrations) and starts Neo4j on it on a free port with every
 * migration applied and index online.
 */
export async function startScaleDatabase(options: ScaleDatabaseOptions): Promise<ScaleDatabase> {
  const log = options.log ?? (() => {});
  const manifest =
    (await readManifest(options.dataDir, options.scale)) ?? (await writeScaleGraph(options.scale, options.dataDir));
  log(`Generated scale ${options.scale}: ${manifest.entities} entities, ${manifest.relations} relations.`);
  const storeDir = await mkdtemp(path.join(os.tmpdir(), 'coopgraph-bench-'));
  const loadPath = options.loadPath ?? 'import';
  const phases: Record<string, number> = {};
  let started = performance.now();
  const lap = (phase: string) => {
    const now = performance.now();
    phases[phase] = (now - started) / 1000;
    started = now;
  };
  const imported =
    loadPath === 'import'
      ? await importDocuments({
          documentsDir: manifest.documentsDir,
          storeDir,
          workDir: `${storeDir}-csv`,
          progress: options.progress,
          ...(options.importMemory === undefined ? {} : { maxOffHeapMemory: options.importMemory }),
        }).finally(() => rm(`${storeDir}-csv`, { recursive: true, force: true }))
      : null;
  if (imported) {
    phases['CSV files'] = imported.report.seconds.files;
    phases.importer = imported.report.seconds.importer;
    started = performance.now();
  }
  const pageCache = options.pageCache ?? '2g';
  const neo4j = options.startNeo4j
    ? await options.startNeo4j(storeDir, pageCache)
    : await startEmbeddedNeo4j({
        dataDir: storeDir,
        port: await freePort(),
        startTimeoutMs: 600_000,
        pageCache,
        onProgress: log,
      });
  lap('start');
  const driver = createDriver({ uri: neo4j.uri, maxPoolSize: 64 });
  try {
    await runMigrations(driver, undefined, undefined, {
      dataAlreadyCurrent: imported ? IMPORT_WRITES_DATA_OF_MIGRATIONS : [],
    });
    lap('migrations');
    let rows: number;
    if (imported) {
      await finishImport(driver, imported);
      rows = imported.report.rows + imported.report.deferredRows;
    } else {
      rows = (
        await bulkLoadDocuments(createDatabase({ driver }), manifest.documentsDir, { progress: options.progress })
      ).rows;
    }
    await driver.executeQuery('CALL db.awaitIndexes(600)');
    lap(imported ? 'finish' : 'transactions');
    const seconds = Object.values(phases).reduce((sum, value) => sum + value, 0);
    const load: ScaleLoad = { path: loadPath, rows, seconds, rowsPerSecond: rows / seconds, phases };
    log(
      `Loaded ${rows} rows through ${loadPath === 'import' ? 'the importer' : 'transactions'} in ${seconds.toFixed(1)} s (${Math.round(load.rowsPerSecond)} rows/s): ${Object.entries(
        phases,
      )
        .map(([phase, value]) => `${phase} ${value.toFixed(1)} s`)
        .join(', ')}.`,
    );
    return {
      neo4j,
      driver,
      manifest,
      load,
      async close() {
        await driver.close();
        await neo4j.stop();
        await rm(storeDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await driver.close();
    await neo4j.stop();
    await rm(storeDir, { recursive: true, force: true });
    throw error;
  }
}

/** The manifest of the scale graph generated into `dataDir`; null when it holds none or another scale. */
export async function readManifest(dataDir: string, scale: number): Promise<ScaleGraphManifest | null> {
  try {
    const manifest = JSON.parse(await readFile(path.join(dataDir, 'manifest.json'), 'utf8')) as ScaleGraphManifest;
    return manifest.scale === scale ? manifest : null;
  } catch {
    return null;
  }
}

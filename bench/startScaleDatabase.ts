import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { bulkLoadDocuments, type BulkLoadReport } from '../src/bulk/bulkLoadDocuments.js';
import { writeScaleGraph, type ScaleGraphManifest } from '../src/generate/writeScaleGraph.js';
import { runMigrations } from '../src/migrations/runMigrations.js';
import { createDatabase } from '../src/neo4j/Database.js';
import { createDriver } from '../src/neo4j/createDriver.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../src/neo4j/startEmbeddedNeo4j.js';
import { freePort } from '../test/support/freePort.js';

/** A fresh embedded Neo4j holding the synthetic graph of one scale. */
export interface ScaleDatabase {
  neo4j: EmbeddedNeo4j;
  driver: Driver;
  manifest: ScaleGraphManifest;
  load: BulkLoadReport;
  /** Closes the driver, stops Neo4j and deletes its store. */
  close(): Promise<void>;
}

export interface ScaleDatabaseOptions {
  scale: number;
  /** Where the generated documents go; reused when they were generated for the same scale. */
  dataDir: string;
  progress: boolean;
  pageCache?: string;
  log?: (line: string) => void;
}

/**
 * Generates the scale graph (when `dataDir` does not hold it yet), starts Neo4j on a throw-away store and a
 * free port, applies migrations and bulk-loads the graph.
 */
export async function startScaleDatabase(options: ScaleDatabaseOptions): Promise<ScaleDatabase> {
  const log = options.log ?? (() => {});
  const manifest =
    (await readManifest(options.dataDir, options.scale)) ?? (await writeScaleGraph(options.scale, options.dataDir));
  log(`Generated scale ${options.scale}: ${manifest.entities} entities, ${manifest.relations} relations.`);
  const storeDir = await mkdtemp(path.join(os.tmpdir(), 'coopgraph-bench-'));
  const neo4j = await startEmbeddedNeo4j({
    dataDir: storeDir,
    port: await freePort(),
    startTimeoutMs: 180_000,
    pageCache: options.pageCache ?? '2g',
    onProgress: log,
  });
  const driver = createDriver({ uri: neo4j.uri, maxPoolSize: 64 });
  try {
    await runMigrations(driver);
    const load = await bulkLoadDocuments(createDatabase({ driver }), manifest.documentsDir, {
      progress: options.progress,
    });
    await driver.executeQuery('CALL db.awaitIndexes(600)');
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

async function readManifest(dataDir: string, scale: number): Promise<ScaleGraphManifest | null> {
  try {
    const manifest = JSON.parse(await readFile(path.join(dataDir, 'manifest.json'), 'utf8')) as ScaleGraphManifest;
    return manifest.scale === scale ? manifest : null;
  } catch {
    return null;
  }
}

/**
 * `npm run import -- DIR [--memory 2g]`: the initial load of a large graph. Writes the seed documents under DIR as
 * CSV files, runs Neo4j's offline importer into the empty embedded store NEO4J_DATA_DIR, starts Neo4j on it, applies
 * the migrations (indexes and constraints) and prints the graph's digest. Exit 2 with one line on bad arguments,
 * 1 when the store is not empty, NEO4J_URI is set, or a document is invalid.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { createProgressBar } from '../bulk/createProgressBar.js';
import { finishImport, importDocuments, IMPORT_WRITES_DATA_OF_MIGRATIONS } from '../bulk/importDocuments.js';
import { runMigrations } from '../migrations/runMigrations.js';
import { connectNeo4j } from '../neo4j/connectNeo4j.js';
import { createDatabase } from '../neo4j/Database.js';
import { StartupError } from '../neo4j/StartupError.js';
import { readGraphDigest } from '../repositories/readGraphDigest.js';
import { SeedValidationError } from '../seed/SeedValidationError.js';

const USAGE = 'Usage: npm run import -- DIR [--memory 2g]';

async function main(): Promise<number> {
  let parsed: { values: { memory?: string }; positionals: string[] };
  try {
    parsed = parseArgs({ options: { memory: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (error) {
    console.error(`${(error as Error).message}. ${USAGE}`);
    return 2;
  }
  const [directory, ...extra] = parsed.positionals;
  if (directory === undefined || extra.length > 0) {
    console.error(`Expected one folder of seed documents. ${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  if (config.NEO4J_URI !== undefined) {
    throw new StartupError(
      'NEO4J_URI is set: the importer writes only into the embedded store (NEO4J_DATA_DIR); unset NEO4J_URI, or load into that Neo4j with "npm run seed".',
    );
  }
  const base = process.env.INIT_CWD ?? process.cwd();
  const storeDir = path.resolve(config.NEO4J_DATA_DIR);
  const workDir = `${storeDir}-import`;
  const started = performance.now();
  const imported = await importDocuments({
    documentsDir: path.resolve(base, directory),
    storeDir,
    workDir,
    progress: process.stderr.isTTY,
    ...(parsed.values.memory === undefined ? {} : { maxOffHeapMemory: parsed.values.memory }),
  }).finally(() => rm(workDir, { recursive: true, force: true }));
  const { report } = imported;
  console.log(
    `Imported ${report.documents} documents: ${report.entities} entities, ${report.relations} relations, ${report.attributes} attributes, ${report.excerpts} excerpts (CSV files ${report.seconds.files.toFixed(1)} s, importer ${report.seconds.importer.toFixed(1)} s).`,
  );
  const neo4j = await connectNeo4j(config, (message) => console.log(message));
  try {
    await runMigrations(neo4j.driver, config.NEO4J_DATABASE, undefined, {
      dataAlreadyCurrent: IMPORT_WRITES_DATA_OF_MIGRATIONS,
    });
    const bar = process.stderr.isTTY ? createProgressBar('rows') : null;
    await finishImport(neo4j.driver, imported, bar ?? undefined);
    const digest = await readGraphDigest(createDatabase({ driver: neo4j.driver, database: config.NEO4J_DATABASE }));
    const seconds = (performance.now() - started) / 1000;
    const rows = report.rows + report.deferredRows;
    console.log(
      `Loaded ${rows} rows in ${seconds.toFixed(1)} s (${Math.round(rows / seconds)} rows/s). Graph: ${digest.entities} entities, ${digest.relations} relations, ${digest.attributes} attributes, ${digest.excerpts} excerpts; sha256 ${digest.sha256}`,
    );
  } finally {
    await neo4j.close();
  }
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    const expected =
      error instanceof SeedValidationError || error instanceof StartupError || error instanceof ConfigError;
    console.error(expected ? (error as Error).message : error);
    process.exitCode = 1;
  },
);

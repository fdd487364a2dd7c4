import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { createDatabase } from '../neo4j/Database.js';
import { runNeo4jImport } from '../neo4j/runNeo4jImport.js';
import { writeGraphBatches, type BatchPart } from '../repositories/writeGraphBatches.js';
import { findSourceTextProblems } from '../repositories/sourceTexts.js';
import { WriteRefusedError } from '../domain/WriteRefusedError.js';
import { SeedValidationError } from '../seed/SeedValidationError.js';
import { createProgressBar, type ProgressBar } from './createProgressBar.js';
import { ARRAY_DELIMITER_OPTION } from './importCsvTables.js';
import { listSeedChunks } from './listSeedChunks.js';
import { writeImportFiles, type ImportFiles } from './writeImportFiles.js';

export interface ImportDocumentsOptions {
  /** The seed documents to load (`*.json`, `*.yaml`). */
  documentsDir: string;
  /** The embedded Neo4j's store directory; must not hold a database yet, and Neo4j must not be running on it. */
  storeDir: string;
  /** Where the CSV files go (replaced); they are kept for inspection. */
  workDir: string;
  /** Off-heap memory the importer may use (`2g` by default). */
  maxOffHeapMemory?: string;
  /** Draw a progress bar of the phases on stderr. */
  progress?: boolean;
  /** Files planned together, as `bulkLoadDocuments` plans them (20 by default): the same value gives the same graph. */
  filesPerChunk?: number;
}

/**
 * Migrations whose backfills an imported store needs not (pass as `dataAlreadyCurrent` to `runMigrations`): the CSV
 * files are written in the form they produce (signing bounds on agreements, NeedsLemmas, `basis`). Their indexes are
 * still built; a later migration's backfill runs, so the import stays right when writers change.
 */
export const IMPORT_WRITES_DATA_OF_MIGRATIONS: readonly number[] = [4, 5, 6];

/** How an import went: rows by kind and the seconds of each phase. */
export interface ImportReport {
  documents: number;
  excerpts: number;
  entities: number;
  attributes: number;
  relations: number;
  /** Rows the importer wrote. */
  rows: number;
  /** Rows restating facts of earlier chunks, MERGEd by `finishImport`. */
  deferredRows: number;
  seconds: { files: number; importer: number };
}

/** An import whose store is written but whose graph still needs `finishImport` once Neo4j runs on it. */
export interface ImportedStore {
  report: ImportReport;
  files: ImportFiles;
}

/**
 * The initial load of a large graph: writes the documents as CSV files (`writeImportFiles`) and runs Neo4j's
 * offline importer into the empty store. Start Neo4j on the store, run the migrations (indexes and constraints),
 * then call `finishImport`: the graph is then the one `bulkLoadDocuments` would have written.
 */
export async function importDocuments(options: ImportDocumentsOptions): Promise<ImportedStore> {
  const bar = options.progress ? createProgressBar('steps') : null;
  try {
    const started = performance.now();
    const total = await countDocuments(options.documentsDir);
    bar?.start(total);
    bar?.phase('CSV files', total);
    const files = await writeImportFiles(options.documentsDir, path.join(options.workDir, 'csv'), {
      ...(options.filesPerChunk === undefined ? {} : { filesPerChunk: options.filesPerChunk }),
      onChunk: (documents, rows) => bar?.advance(documents, rows),
    });
    const filesDone = performance.now();
    await runNeo4jImport({
      storeDir: options.storeDir,
      groups: files.files,
      arrayDelimiter: ARRAY_DELIMITER_OPTION,
      workDir: options.workDir,
      ...(options.maxOffHeapMemory === undefined ? {} : { maxOffHeapMemory: options.maxOffHeapMemory }),
      onProgress: ({ step, steps, phase, percent }) => {
        bar?.phase(`import ${step}/${steps} ${phase}`, 100);
        bar?.update(percent);
      },
    });
    const rows = files.excerpts + files.entities + files.attributes + files.relations;
    const { deferred } = files;
    return {
      files,
      report: {
        documents: files.documents,
        excerpts: files.excerpts,
        entities: files.entities,
        attributes: files.attributes,
        relations: files.relations,
        rows,
        deferredRows:
          deferred.excerpts.length + deferred.entities.length + deferred.attributes.length + deferred.relations.length,
        seconds: { files: (filesDone - started) / 1000, importer: (performance.now() - filesDone) / 1000 },
      },
    };
  } finally {
    bar?.stop();
  }
}

/**
 * Completes an imported graph once Neo4j runs on it and its migrations are applied: restores the empty lists the
 * importer cannot store, then MERGEs the deferred rows in the order the transactional loader writes them.
 */
export async function finishImport(driver: Driver, imported: ImportedStore, bar?: ProgressBar): Promise<void> {
  if (imported.files.emptyLists > 0) {
    // An auto-commit query: `CALL … IN TRANSACTIONS` keeps a large graph's update within the heap.
    const session = driver.session();
    try {
      await session.run(
        `MATCH (n:Entity) WHERE n.aliases IS NULL OR n.evidenceIds IS NULL OR n.searchKeys IS NULL
       CALL (n) {
         SET n.aliases = coalesce(n.aliases, []), n.evidenceIds = coalesce(n.evidenceIds, []),
             n.searchKeys = coalesce(n.searchKeys, [])
       } IN TRANSACTIONS OF 20000 ROWS`,
      );
    } finally {
      await session.close();
    }
  }
  const db = createDatabase({ driver });
  // Texts come with their documents: a quote of a chunk that keeps a text is checked against it here, as the
  // transactional loader checks each chunk (quotes of other chunks are not kept, to keep memory flat).
  const problems = await db.write((tx) => findSourceTextProblems(tx, imported.files.deferred));
  if (problems.length > 0) throw new WriteRefusedError(problems);
  let missingEnds = 0;
  for (const part of ['nodes', 'relations'] as const satisfies readonly BatchPart[]) {
    const counts = await writeGraphBatches(db, imported.files.deferred, {
      part,
      batchSize: 10_000,
      onBatch: (rows) => bar?.advance(0, rows),
    });
    missingEnds += counts.relationsMissingEnds;
  }
  if (missingEnds > 0) {
    throw new SeedValidationError([`${missingEnds} relation(s) name an entity that no file declares`]);
  }
}

async function countDocuments(directory: string): Promise<number> {
  return (await listSeedChunks(directory, 1)).length;
}

import type { Database } from '../neo4j/Database.js';
import { writeGraphBatches, type BatchPart, type BatchWriteCounts } from '../repositories/writeGraphBatches.js';
import { planGraphWrite, type GraphWritePlan } from '../seed/planGraphWrite.js';
import { findSourceTextProblems } from '../repositories/sourceTexts.js';
import { WriteRefusedError } from '../domain/WriteRefusedError.js';
import { SeedValidationError } from '../seed/SeedValidationError.js';
import { createProgressBar } from './createProgressBar.js';
import { listSeedChunks } from './listSeedChunks.js';
import { readSeedChunk } from './readSeedChunk.js';

/** Relation rows kept in memory between the node and relation passes (a few hundred bytes each). */
const MAX_KEPT_RELATIONS = 1_000_000;

/** Write transactions a bulk load runs at once by default. */
export const DEFAULT_WRITE_CONCURRENCY = 1;

export interface BulkLoadOptions {
  /** Rows per write transaction; 10,000 by default. */
  batchSize?: number;
  /** Files planned together; larger chunks merge more duplicate excerpts before writing. 20 by default. */
  filesPerChunk?: number;
  /** Write transactions run at once (see `writeGraphBatches`); DEFAULT_WRITE_CONCURRENCY by default. */
  concurrency?: number;
  /** Draw a progress bar on stderr. */
  progress?: boolean;
}

/** What a bulk load wrote and how fast. */
export interface BulkLoadReport extends BatchWriteCounts {
  files: number;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
}

/**
 * Loads every `*.yaml`/`*.yml`/`*.json` seed document under `directory` in batched transactions: first every
 * node (excerpts, entities, attributes) of every file, then every relation, so relations may cross files. Files
 * are read, validated and planned a chunk at a time, the next chunk while the current one is written, so memory
 * stays bounded at any size. Not atomic (see `writeGraphBatches`): an invalid file stops the load with a
 * SeedValidationError, and a chunk quoting an excerpt that is not verbatim in the text kept for its source with a
 * WriteRefusedError, leaving the chunks before it written; rerunning after a fix completes it. Throws when
 * relations point at entities no file declares and the graph lacks.
 */
export async function bulkLoadDocuments(
  db: Database,
  directory: string,
  options: BulkLoadOptions = {},
): Promise<BulkLoadReport> {
  const batchSize = options.batchSize ?? 10_000;
  const filesPerChunk = options.filesPerChunk ?? 20;
  const chunks = await listSeedChunks(directory, filesPerChunk);
  const files = chunks.flat();

  const bar = options.progress ? createProgressBar('file passes') : null;
  bar?.start(files.length * 2);
  const started = performance.now();
  const totals: BatchWriteCounts = { excerpts: 0, entities: 0, attributes: 0, relations: 0, relationsMissingEnds: 0 };
  try {
    // A chunk's plan is kept from the node pass for the relation pass while the kept relations stay few: reading,
    // validating and planning it again is half of Node's work on loads of up to MAX_KEPT_RELATIONS relations.
    const kept = new Map<number, GraphWritePlan>();
    let keptRelations = 0;
    for (const part of ['nodes', 'relations'] as const satisfies readonly BatchPart[]) {
      const toRead = chunks.map((_, index) => index).filter((index) => part === 'nodes' || !kept.has(index));
      let read = 0;
      const readNext = () => {
        const index = toRead[read++];
        const promise = index === undefined ? null : readSeedChunk(chunks[index]!);
        // A rejected prefetch must not go unhandled while this chunk is written; it is awaited in its turn.
        promise?.catch(() => {});
        return promise;
      };
      let next = readNext();
      for (let index = 0; index < chunks.length; index++) {
        let plan = part === 'relations' ? kept.get(index) : undefined;
        if (plan === undefined) {
          const current = await next!;
          next = readNext();
          plan = planGraphWrite(current);
          if (part === 'nodes') await refuseExcerptsNotInTexts(db, plan);
          if (part === 'nodes' && keptRelations + plan.relations.length <= MAX_KEPT_RELATIONS) {
            kept.set(index, { ...plan, excerpts: [], entities: [], attributes: [] });
            keptRelations += plan.relations.length;
          }
        }
        const counts = await writeGraphBatches(db, plan, {
          part,
          batchSize,
          concurrency: options.concurrency ?? DEFAULT_WRITE_CONCURRENCY,
          onBatch: (rows) => bar?.advance(0, rows),
        });
        if (part === 'relations') kept.delete(index);
        for (const key of Object.keys(totals) as (keyof BatchWriteCounts)[]) totals[key] += counts[key];
        bar?.advance(chunks[index]!.length);
      }
    }
  } finally {
    bar?.stop();
  }
  if (totals.relationsMissingEnds > 0) {
    throw new SeedValidationError([
      `${totals.relationsMissingEnds} relation(s) name an entity that no file declares and the graph lacks: they were not written`,
    ]);
  }
  const seconds = (performance.now() - started) / 1000;
  const rows = totals.excerpts + totals.entities + totals.attributes + totals.relations;
  return { ...totals, files: files.length, rows, seconds, rowsPerSecond: rows / seconds };
}

/** Refuses a chunk quoting an excerpt that is not verbatim in the text kept for its source, before writing any of it. */
async function refuseExcerptsNotInTexts(db: Database, plan: GraphWritePlan): Promise<void> {
  const problems = await db.write((tx) => findSourceTextProblems(tx, plan));
  if (problems.length > 0) throw new WriteRefusedError(problems);
}

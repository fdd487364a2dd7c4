import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../neo4j/Database.js';
import { writeGraphBatches, type BatchPart, type BatchWriteCounts } from '../repositories/writeGraphBatches.js';
import { planGraphWrite, type GraphWritePlan } from '../seed/planGraphWrite.js';
import { findSourceTextProblems } from '../repositories/sourceTexts.js';
import { WriteRefusedError } from '../domain/WriteRefusedError.js';
import { parseSourceDocument, type SeedFile } from '../seed/readSourceDocuments.js';
import { SeedValidationError } from '../seed/SeedValidationError.js';
import { sourceDocumentSchema } from '../seed/sourceDocument.js';
import { createProgressBar } from './createProgressBar.js';

export interface BulkLoadOptions {
  /** Rows per write transaction; 10,000 by default. */
  batchSize?: number;
  /** Files planned together; larger chunks merge more duplicate excerpts before writing. 20 by default. */
  filesPerChunk?: number;
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
  const files = (await readdir(directory, { recursive: true }))
    .filter((name) => /\.(ya?ml|json)$/.test(name))
    .sort()
    .map((name) => path.join(directory, name));
  const chunks: string[][] = [];
  for (let start = 0; start < files.length; start += filesPerChunk)
    chunks.push(files.slice(start, start + filesPerChunk));

  const bar = options.progress ? createProgressBar('file passes') : null;
  bar?.start(files.length * 2);
  const started = performance.now();
  const totals: BatchWriteCounts = { excerpts: 0, entities: 0, attributes: 0, relations: 0, relationsMissingEnds: 0 };
  try {
    for (const part of ['nodes', 'relations'] as const satisfies readonly BatchPart[]) {
      let next = chunks[0] ? readChunk(chunks[0]) : null;
      for (let index = 0; index < chunks.length; index++) {
        const current = await next!;
        next = chunks[index + 1] ? readChunk(chunks[index + 1]!) : null;
        // A rejected prefetch must not go unhandled while this chunk is written; it is awaited next round.
        next?.catch(() => {});
        const plan = planGraphWrite(current);
        if (part === 'nodes') await refuseExcerptsNotInTexts(db, plan);
        const counts = await writeGraphBatches(db, plan, {
          part,
          batchSize,
          onBatch: (rows) => bar?.advance(0, rows),
        });
        for (const key of Object.keys(totals) as (keyof BatchWriteCounts)[]) totals[key] += counts[key];
        bar?.advance(current.length);
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

async function readChunk(files: readonly string[]): Promise<SeedFile[]> {
  const texts = await Promise.all(files.map((file) => readFile(file, 'utf8')));
  const documents: SeedFile[] = [];
  const problems: string[] = [];
  texts.forEach((text, index) => {
    const file = files[index]!;
    const result = file.endsWith('.json') ? parseJsonDocument(text, file) : parseSourceDocument(text, file);
    if (result.ok) documents.push({ file, document: result.document });
    else problems.push(...result.problems);
  });
  if (problems.length > 0) throw new SeedValidationError(problems);
  return documents;
}

/** JSON is YAML too, but `JSON.parse` is far faster than the YAML parser on big generated files. */
function parseJsonDocument(text: string, file: string): ReturnType<typeof parseSourceDocument> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return parseSourceDocument(text, file);
  }
  const result = sourceDocumentSchema.safeParse(raw);
  if (result.success) return { ok: true, document: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => `${file}: ${issue.path.join('.') || '(file)'}: ${issue.message}`),
  };
}

import type { ManagedTransaction } from 'neo4j-driver';
import type { Database } from '../neo4j/Database.js';
import type { GraphWritePlan } from '../seed/planGraphWrite.js';
import { relationTypeSchema } from '../seed/sourceDocument.js';
import type { AttributeRow } from '../seed/planGraphWrite.js';
import { entitiesWithSignedOn, SET_SIGNED_ON } from './signedOnProperty.js';
import { MERGE_SOURCE_TEXTS, SET_TEXT_LENGTHS, sourceTextParameters } from './sourceTexts.js';
import {
  MERGE_ATTRIBUTES,
  MERGE_BASIS,
  MERGE_EXCERPTS,
  SET_DEGREES,
  endsOf,
  mergeEntities,
  RETRACT_EXCERPTS_OF_RETRACTED_SOURCES,
  sourceIdsOf,
  UNION,
} from './mergeStatements.js';

/** Which rows of a plan to write: nodes (excerpts, entities, attributes) must all be in before relations. */
export type BatchPart = 'nodes' | 'relations';

export interface BatchWriteOptions {
  part: BatchPart;
  /** Rows per transaction. */
  batchSize: number;
  /**
   * Write transactions run at once (each on a session of its own); 1 by default. Each statement's rows are sorted
   * and split into at least this many batches, so that each batch locks its own range of ids.
   */
  concurrency?: number;
  /** Called after each committed transaction with the number of rows it wrote. */
  onBatch?: (rows: number) => void;
}

export interface BatchWriteCounts {
  excerpts: number;
  entities: number;
  attributes: number;
  relations: number;
  /** Relation rows not written because an end is not in the graph (yet). */
  relationsMissingEnds: number;
}

const relations = (type: string) => `UNWIND $rows AS row
  MATCH (a:Entity {id: row.from})
  MATCH (b:Entity {id: row.to})
  MERGE (a)-[r:\`${type}\` {id: row.id}]->(b)
  ON CREATE SET r.role = row.role
  SET ${MERGE_BASIS('r')},
      r.evidenceIds = ${UNION('r.evidenceIds', 'row.evidenceIds')}
  RETURN count(*) AS written`;

/**
 * Writes one part of a plan in transactions of at most `batchSize` rows, grouped by label or relation type.
 * Unlike `writeGraph` this is not all-or-nothing: each batch commits on its own, so a failure leaves the batches
 * before it written. Every write MERGEs by id with the same rules as `writeGraph`, so running the load again
 * completes it and leaves the graph as one `writeGraph` of the same plan would (no `Change` record, no kind checks).
 * Relations whose ends are missing are skipped and counted, never created half-way.
 */
export async function writeGraphBatches(
  db: Database,
  plan: GraphWritePlan,
  options: BatchWriteOptions,
): Promise<BatchWriteCounts> {
  const counts: BatchWriteCounts = { excerpts: 0, entities: 0, attributes: 0, relations: 0, relationsMissingEnds: 0 };
  const concurrency = options.concurrency ?? 1;
  /** `after` runs in each batch's transaction, after the batch's rows are written. */
  const run = async <T extends { id: string }>(
    cypher: string,
    rows: T[],
    after?: (tx: ManagedTransaction, batch: T[]) => Promise<unknown>,
  ): Promise<number> => {
    const size = Math.min(options.batchSize, Math.ceil(rows.length / concurrency));
    const sorted = concurrency > 1 ? rows.toSorted(byLockOrder) : rows;
    const batches: T[][] = [];
    for (let start = 0; start < sorted.length; start += size) batches.push(sorted.slice(start, start + size));
    let written = 0;
    await forEachConcurrently(batches, concurrency, async (batch) => {
      // Counted after the await: `written += await …` would add to the value read before it, losing other batches'.
      const count = await db.write(async (tx) => {
        const result = await tx.run(cypher, { rows: batch });
        await after?.(tx, batch);
        const returned = result.records[0]?.get('written');
        return typeof returned === 'number' ? returned : batch.length;
      });
      written += count;
      options.onBatch?.(batch.length);
    });
    return written;
  };

  if (options.part === 'nodes') {
    counts.excerpts = await run(MERGE_EXCERPTS, plan.excerpts, (tx, batch) =>
      tx.run(RETRACT_EXCERPTS_OF_RETRACTED_SOURCES, { sourceIds: sourceIdsOf(batch) }),
    );
    for (const [label, rows] of Map.groupBy(plan.entities, (row) => row.label))
      counts.entities += await run(mergeEntities(label), rows);
    const texts = sourceTextParameters(plan);
    if (texts.rows.length > 0 || texts.sourceIds.length > 0) {
      await db.write(async (tx) => {
        if (texts.rows.length > 0) await tx.run(MERGE_SOURCE_TEXTS, texts);
        await tx.run(SET_TEXT_LENGTHS, texts);
      });
    }
    counts.attributes = await run(MERGE_ATTRIBUTES, plan.attributes, async (tx, batch: AttributeRow[]) => {
      const signed = entitiesWithSignedOn(batch);
      if (signed.length > 0) await tx.run(SET_SIGNED_ON, { entityIds: signed });
    });
    return counts;
  }
  for (const [type, rows] of Map.groupBy(plan.relations, (row) => row.type)) {
    const written = await run(relations(relationTypeSchema.parse(type)), rows, (tx, batch) =>
      tx.run(SET_DEGREES, { ids: endsOf(batch) }),
    );
    counts.relations += written;
    counts.relationsMissingEnds += rows.length - written;
  }
  return counts;
}

/**
 * Rows in the order their locks are taken: nodes by id; relations by the end they point to (the shared one: an
 * agreement, event or region), then their start, so that concurrent batches split a type's relations by target and
 * take the locks they share in one order. Deadlocks left (starts shared across batches) are retried by executeWrite.
 */
function byLockOrder(a: { id: string; from?: string; to?: string }, b: { id: string; from?: string; to?: string }) {
  return compare(a.to, b.to) || compare(a.from, b.from) || compare(a.id, b.id);
}

const compare = (a: string | undefined, b: string | undefined) => (a === b ? 0 : (a ?? '') < (b ?? '') ? -1 : 1);

/**
 * Runs `work` on every item, at most `concurrency` at a time, in order of start. After a failure no further item
 * starts; the first failure is thrown once the items under way have settled (none is left writing behind the caller).
 */
async function forEachConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next++]!;
      try {
        await work(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const results = await Promise.allSettled(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  const failure = results.find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
}

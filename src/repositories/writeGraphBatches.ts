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
  /** `after` runs in each batch's transaction, after the batch's rows are written. */
  const run = async <T>(
    cypher: string,
    rows: T[],
    after?: (tx: ManagedTransaction, batch: T[]) => Promise<unknown>,
  ): Promise<number> => {
    let written = 0;
    for (let start = 0; start < rows.length; start += options.batchSize) {
      const batch = rows.slice(start, start + options.batchSize);
      written += await db.write(async (tx) => {
        const result = await tx.run(cypher, { rows: batch });
        await after?.(tx, batch);
        const count = result.records[0]?.get('written');
        return typeof count === 'number' ? count : batch.length;
      });
      options.onBatch?.(batch.length);
    }
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
    const written = await run(relations(relationTypeSchema.parse(type)), rows);
    counts.relations += written;
    counts.relationsMissingEnds += rows.length - written;
  }
  return counts;
}

import type { Database } from '../neo4j/Database.js';
import { RETRACT_EXCERPTS_OF_RETRACTED_SOURCES } from './mergeStatements.js';
import { SET_SIGNED_ON } from './signedOnProperty.js';

export interface Retraction {
  id: string;
  kind: 'ENTITY' | 'RELATION' | 'ATTRIBUTE';
  retractedAt: string;
  retractedBy: string;
  reason: string;
}

export interface RetractFactOptions {
  id: string;
  reason: string;
  actor: string;
  changeId: string;
  /** ISO-8601 time of the retraction. */
  at: string;
}

const MATCH = {
  ENTITY: 'MATCH (fact:Entity {id: $id})',
  ATTRIBUTE: 'MATCH (fact:Attribute {id: $id})',
  // Relationship ids are not indexed (types are open-ended); a scan is fine at this graph's size.
  RELATION: 'MATCH (:Entity)-[fact]->(:Entity) WHERE fact.id = $id',
} as const;

/**
 * Marks an entity, relation or attribute retracted (`retractedAt`, `retractedBy`, `retractionReason`) and records a
 * `(:Change)`, in one transaction; deletes nothing. A retracted source takes the excerpts quoting it along, so
 * evidence lists leave them out. A fact already retracted keeps its first retraction. Null when no fact has the id.
 */
export async function retractFactById(db: Database, options: RetractFactOptions): Promise<Retraction | null> {
  const kind = options.id.startsWith('relation/')
    ? 'RELATION'
    : options.id.startsWith('attribute/')
      ? 'ATTRIBUTE'
      : 'ENTITY';
  return db.write(
    async (tx) => {
      const result = await tx.run<{ retraction: Omit<Retraction, 'kind'> }>(
        `${MATCH[kind]}
       WITH fact LIMIT 1
       SET fact.retractedAt = coalesce(fact.retractedAt, datetime($at)),
           fact.retractedBy = coalesce(fact.retractedBy, $actor),
           fact.retractionReason = coalesce(fact.retractionReason, $reason)
       CREATE (:Change {id: $changeId, actor: $actor, operation: 'retractFact', at: datetime($at), reason: $reason,
                        entityIds: CASE WHEN $kind = 'ENTITY' THEN [$id] ELSE [] END,
                        relationIds: CASE WHEN $kind = 'RELATION' THEN [$id] ELSE [] END,
                        attributeIds: CASE WHEN $kind = 'ATTRIBUTE' THEN [$id] ELSE [] END})
       RETURN {id: fact.id, retractedAt: toString(fact.retractedAt), retractedBy: fact.retractedBy, reason: fact.retractionReason} AS retraction`,
        { ...options, kind },
      );
      const row = result.records[0]?.get('retraction');
      if (row && kind === 'ENTITY') await tx.run(RETRACT_EXCERPTS_OF_RETRACTED_SOURCES, { sourceIds: [options.id] });
      if (row && kind === 'ATTRIBUTE') {
        // A retracted signing date no longer orders its agreement: recompute the denormalized property.
        const signed = await tx.run<{ entityId: string }>(
          "MATCH (a:Attribute {id: $id, key: 'signedOn'}) RETURN a.entityId AS entityId",
          { id: options.id },
        );
        const entityIds = signed.records.map((record) => record.get('entityId'));
        if (entityIds.length > 0) await tx.run(SET_SIGNED_ON, { entityIds });
      }
      return row ? { ...row, kind } : null;
    },
    { changeId: options.changeId },
  );
}

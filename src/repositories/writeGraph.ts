import { randomUUID } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
import { MERGE_ATTRIBUTES, MERGE_EXCERPTS, mergeEntities, RETRACT_EXCERPTS_OF_RETRACTED_SOURCES, sourceIdsOf, UNION } from './mergeStatements.js';
import type { Database } from '../neo4j/Database.js';
import type { GraphWritePlan } from '../seed/planGraphWrite.js';
import { SeedValidationError } from '../seed/SeedValidationError.js';
import { entitiesWithSignedOn, SET_SIGNED_ON } from './signedOnProperty.js';

/** Who made a write, for the audit trail. */
export interface WriteAudit {
  actor: string;
  operation: string;
  /** The `(:Change)` id; default: a random UUID. */
  changeId?: string;
  /** ISO-8601 time of the change; default: the database's clock. */
  at?: string;
}

export interface GraphWriteCounts {
  excerpts: number;
  entities: number;
  attributes: number;
  relations: number;
}

/**
 * Writes a plan in one transaction: everything lands or nothing does. MERGE by id makes it idempotent; lists
 * (aliases, evidence, search keys) only grow, so loading the same plan twice leaves the graph identical.
 * Refuses, before writing anything, relations to entities that are neither in the plan nor in the graph and
 * entities whose kind differs from the stored one. Records one `(:Change)` node naming the actor.
 */
export async function writeGraph(db: Database, plan: GraphWritePlan, audit: WriteAudit): Promise<GraphWriteCounts> {
  return db.write(async (tx) => {
    await refuseInconsistencies(tx, plan);
    await tx.run(MERGE_EXCERPTS, { rows: plan.excerpts });
    await tx.run(mergeEntities('$(row.label)'), { rows: plan.entities });
    await tx.run(RETRACT_EXCERPTS_OF_RETRACTED_SOURCES, { sourceIds: sourceIdsOf(plan.excerpts) });
    await tx.run(MERGE_ATTRIBUTES, { rows: plan.attributes });
    const signed = entitiesWithSignedOn(plan.attributes);
    if (signed.length > 0) await tx.run(SET_SIGNED_ON, { entityIds: signed });
    await tx.run(
      `UNWIND $rows AS row
       MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
       MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
       ON CREATE SET r.role = row.role
       SET r.evidenceIds = ${UNION('r.evidenceIds', 'row.evidenceIds')}`,
      { rows: plan.relations },
    );
    const counts: GraphWriteCounts = {
      excerpts: plan.excerpts.length,
      entities: plan.entities.length,
      attributes: plan.attributes.length,
      relations: plan.relations.length,
    };
    await tx.run(
      `CREATE (:Change {id: $changeId, actor: $actor, operation: $operation,
                        at: CASE WHEN $at IS NULL THEN datetime() ELSE datetime($at) END,
                        entityIds: $entityIds, relationIds: $relationIds, attributeIds: $attributeIds,
                        excerpts: $counts.excerpts, entities: $counts.entities, attributes: $counts.attributes,
                        relations: $counts.relations})`,
      {
        actor: audit.actor,
        operation: audit.operation,
        changeId: audit.changeId ?? randomUUID(),
        at: audit.at ?? null,
        counts,
        entityIds: plan.entities.map((entity) => entity.id).slice(0, 1000),
        relationIds: plan.relations.map((relation) => relation.id).slice(0, 1000),
        attributeIds: plan.attributes.map((attribute) => attribute.id).slice(0, 1000),
      },
    );
    return counts;
  });
}

async function refuseInconsistencies(tx: ManagedTransaction, plan: GraphWritePlan): Promise<void> {
  const problems: string[] = [];
  if (plan.externalIds.length > 0) {
    const found = await tx.run<{ id: string }>('UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n.id AS id', { ids: plan.externalIds });
    const existing = new Set(found.records.map((record) => record.get('id')));
    for (const relation of plan.relations) {
      for (const end of [relation.from, relation.to]) {
        if (plan.externalIds.includes(end) && !existing.has(end)) {
          problems.push(`${plan.relationOrigins.get(relation.id)}: unknown entity "${end}": declare it under "entities" or load its source first`);
        }
      }
    }
  }
  const kinds = await tx.run<{ id: string; stored: string; given: string }>(
    `UNWIND $rows AS row
     MATCH (n:Entity {id: row.id}) WHERE n.kind <> row.kind
     RETURN n.id AS id, n.kind AS stored, row.kind AS given`,
    { rows: plan.entities.map(({ id, kind }) => ({ id, kind })) },
  );
  for (const record of kinds.records) {
    problems.push(`entity ${record.get('id')}: kind ${record.get('given')} differs from the stored kind ${record.get('stored')}`);
  }
  if (problems.length > 0) throw new SeedValidationError(problems);
}

import { randomUUID } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
import {
  MERGE_ATTRIBUTES,
  MERGE_BASIS,
  MERGE_EXCERPTS,
  SET_DEGREES,
  endsOf,
  mergeEntities,
  RETRACT_EXCERPTS_OF_RETRACTED_SOURCES,
  sourceIdsOf,
  REPLACED_NAMES,
  UNION,
} from './mergeStatements.js';
import type { Database } from '../neo4j/Database.js';
import type { GraphWritePlan } from '../seed/planGraphWrite.js';
import type { RelationOrigin, WriteProblem } from '../domain/WriteProblem.js';
import { WriteRefusedError } from '../domain/WriteRefusedError.js';
import { MAX_ALIASES, MAX_SEARCH_KEY_CHARACTERS } from '../seed/sourceDocument.js';
import { entitiesWithSignedOn, SET_SIGNED_ON } from './signedOnProperty.js';
import { findSourceTextProblems, MERGE_SOURCE_TEXTS, SET_TEXT_LENGTHS, sourceTextParameters } from './sourceTexts.js';

/** Who made a write, for the audit trail. */
export interface WriteAudit {
  actor: string;
  operation: string;
  /** The `(:Change)` id; default: a random UUID. */
  changeId?: string;
  /** ISO-8601 time of the change; default: the database's clock. */
  at?: string;
}

/** Refusals a writer may ask for beyond the ones every write gets. */
export interface WriteRules {
  /**
   * Refuse to write to a retracted entity, relation or attribute, or to relate a retracted entity: an API write
   * would otherwise land on a fact that stays hidden. The seed loader leaves it off (it writes to empty graphs).
   */
  refuseRetracted?: boolean;
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
 * entities whose kind differs from the stored one, and entities that would keep more aliases or search keys than
 * the index takes (MAX_ALIASES, MAX_SEARCH_KEY_CHARACTERS, stored ones included), and excerpts that are not
 * verbatim in the text kept for their source (`findSourceTextProblems`). Keeps the texts the plan gives beside their
 * sources. Records one `(:Change)` node naming the actor.
 */
export async function writeGraph(
  db: Database,
  plan: GraphWritePlan,
  audit: WriteAudit,
  rules: WriteRules = {},
): Promise<GraphWriteCounts> {
  const changeId = audit.changeId ?? randomUUID();
  return db.write(
    async (tx) => {
      await refuseInconsistencies(tx, plan, rules);
      await tx.run(MERGE_EXCERPTS, { rows: plan.excerpts });
      await tx.run(mergeEntities('$(row.label)'), { rows: plan.entities });
      const texts = sourceTextParameters(plan);
      if (texts.rows.length > 0) await tx.run(MERGE_SOURCE_TEXTS, texts);
      if (texts.sourceIds.length > 0 || texts.sha256s.length > 0) await tx.run(SET_TEXT_LENGTHS, texts);
      await tx.run(RETRACT_EXCERPTS_OF_RETRACTED_SOURCES, { sourceIds: sourceIdsOf(plan.excerpts) });
      await tx.run(MERGE_ATTRIBUTES, { rows: plan.attributes });
      const signed = entitiesWithSignedOn(plan.attributes);
      if (signed.length > 0) await tx.run(SET_SIGNED_ON, { entityIds: signed });
      await tx.run(
        `UNWIND $rows AS row
       MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
       MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
       ON CREATE SET r.role = row.role
       SET ${MERGE_BASIS('r')},
           r.evidenceIds = ${UNION('r.evidenceIds', 'row.evidenceIds')}`,
        { rows: plan.relations },
      );
      if (plan.relations.length > 0) await tx.run(SET_DEGREES, { ids: endsOf(plan.relations) });
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
          changeId,
          at: audit.at ?? null,
          counts,
          entityIds: plan.entities.map((entity) => entity.id).slice(0, 1000),
          relationIds: plan.relations.map((relation) => relation.id).slice(0, 1000),
          attributeIds: plan.attributes.map((attribute) => attribute.id).slice(0, 1000),
        },
      );
      return counts;
    },
    { changeId },
  );
}

async function refuseInconsistencies(tx: ManagedTransaction, plan: GraphWritePlan, rules: WriteRules): Promise<void> {
  const problems: WriteProblem[] = [];
  const originOf = (relationId: string): RelationOrigin => plan.relationOrigins.get(relationId)!;
  if (plan.externalIds.length > 0) {
    const found = await tx.run<{ id: string }>('UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n.id AS id', {
      ids: plan.externalIds,
    });
    const existing = new Set(found.records.map((record) => record.get('id')));
    for (const relation of plan.relations) {
      for (const end of [relation.from, relation.to]) {
        if (plan.externalIds.includes(end) && !existing.has(end)) {
          problems.push({ code: 'UNKNOWN_ENTITY', origin: originOf(relation.id), entityId: end });
        }
      }
    }
  }
  problems.push(...(await checkEntities(tx, plan, rules)));
  problems.push(...(await findSourceTextProblems(tx, plan)));
  if (rules.refuseRetracted && (plan.attributes.length > 0 || plan.relations.length > 0))
    problems.push(...(await findRetractedLinks(tx, plan, originOf)));
  if (problems.length > 0) throw new WriteRefusedError(problems);
}

/**
 * Problems of the plan's entities against the stored ones, in one statement: a kind that differs, more aliases or
 * search-key characters than allowed once merged, and (when refused) a retracted entity written to.
 */
async function checkEntities(tx: ManagedTransaction, plan: GraphWritePlan, rules: WriteRules): Promise<WriteProblem[]> {
  const result = await tx.run<{
    id: string;
    stored: string | null;
    given: string;
    aliases: number;
    keyCharacters: number;
    retracted: boolean;
  }>(
    `UNWIND $rows AS row
     OPTIONAL MATCH (n:Entity {id: row.id})
     WITH row, n, ${UNION('n.aliases', `(row.aliases + ${REPLACED_NAMES('n', 'row')})`)} AS aliases, ${UNION('n.searchKeys', 'row.searchKeys')} AS keys
     WITH row, n, size(aliases) AS aliases, reduce(total = 0, key IN keys | total + size(key) + 2) AS keyCharacters,
          $refuseRetracted AND n.retractedAt IS NOT NULL AS retracted
     WHERE n.kind <> row.kind OR aliases > $maxAliases OR keyCharacters > $maxKeyCharacters OR retracted
     RETURN row.id AS id, n.kind AS stored, row.kind AS given, aliases, keyCharacters, retracted`,
    {
      rows: plan.entities.map(({ id, kind, aliases, searchKeys, nameEn, nameRu, nameKk }) => ({
        id,
        kind,
        aliases,
        searchKeys,
        nameEn,
        nameRu,
        nameKk,
      })),
      maxAliases: MAX_ALIASES,
      maxKeyCharacters: MAX_SEARCH_KEY_CHARACTERS,
      refuseRetracted: rules.refuseRetracted ?? false,
    },
  );
  return result.records.flatMap((record) => {
    const id = record.get('id');
    const problems: WriteProblem[] = [];
    const [stored, given] = [record.get('stored'), record.get('given')];
    if (stored !== null && stored !== given) problems.push({ code: 'KIND_CHANGED', entityId: id, given, stored });
    if (record.get('retracted')) problems.push({ code: 'RETRACTED_ENTITY', entityId: id });
    const [count, characters] = [record.get('aliases'), record.get('keyCharacters')];
    if (count > MAX_ALIASES) problems.push({ code: 'TOO_MANY_ALIASES', entityId: id, count, max: MAX_ALIASES });
    if (characters > MAX_SEARCH_KEY_CHARACTERS)
      problems.push({ code: 'TOO_MANY_SEARCH_KEYS', entityId: id, characters, max: MAX_SEARCH_KEY_CHARACTERS });
    return problems;
  });
}

/** Problems naming each retracted attribute or relation the plan writes to, and each retracted entity a relation ends at. */
async function findRetractedLinks(
  tx: ManagedTransaction,
  plan: GraphWritePlan,
  originOf: (relationId: string) => RelationOrigin,
): Promise<WriteProblem[]> {
  const planned = new Set(plan.entities.map((entity) => entity.id));
  const result = await tx.run<{ entities: string[]; attributes: string[]; relations: string[] }>(
    `RETURN [id IN $endIds WHERE EXISTS { MATCH (n:Entity {id: id}) WHERE n.retractedAt IS NOT NULL }] AS entities,
            [id IN $attributeIds WHERE EXISTS { MATCH (a:Attribute {id: id}) WHERE a.retractedAt IS NOT NULL }] AS attributes,
            [row IN $relations WHERE EXISTS { MATCH (:Entity {id: row.from})-[r]->(:Entity {id: row.to}) WHERE r.id = row.id AND r.retractedAt IS NOT NULL }
             | row.id] AS relations`,
    {
      endIds: endsOf(plan.relations).filter((id) => !planned.has(id)),
      attributeIds: plan.attributes.map((attribute) => attribute.id),
      relations: plan.relations.map(({ id, from, to }) => ({ id, from, to })),
    },
  );
  const record = result.records[0]!;
  const retracted = new Set(record.get('entities'));
  const problems: WriteProblem[] = [
    ...record.get('attributes').map((id): WriteProblem => ({ code: 'RETRACTED_ATTRIBUTE', attributeId: id })),
    ...record
      .get('relations')
      .map((id): WriteProblem => ({ code: 'RETRACTED_RELATION', origin: originOf(id), relationId: id })),
  ];
  for (const relation of plan.relations) {
    for (const end of new Set([relation.from, relation.to])) {
      if (retracted.has(end)) problems.push({ code: 'RETRACTED_END', origin: originOf(relation.id), entityId: end });
    }
  }
  return problems;
}

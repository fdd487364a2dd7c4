import type { EntityModel } from '../models/EntityModel.js';
import type { PrefetchedReads } from '../models/PrefetchedReads.js';
import { assertNever } from '../assertNever.js';
import type { RelationDirection } from './createEntityRepository.js';
import type { EntityIncludes, RelationInclude } from './EntityIncludes.js';
import {
  attributeProjection,
  entityProjection,
  relationProjection,
  toAttributeModel,
  toEntityModel,
  toRelationModel,
  type AttributeRow,
  type EntityRow,
  type RelationRow,
} from './entityProjection.js';

/** Fresh variable names and the parameters of one statement under construction. */
export interface CypherScope {
  parameters: Record<string, unknown>;
  next: number;
}

export function createCypherScope(parameters: Record<string, unknown> = {}): CypherScope {
  return { parameters, next: 0 };
}

/**
 * An entity with what was read along with it, as `includedEntity` lists it: the entity, then per relation include
 * its relations, then attributes, evidence and country where asked for (else null).
 */
export type IncludedRow = [
  entity: EntityRow,
  relations: IncludedRelationRow[][],
  attributes: IncludedAttributeRow[] | null,
  evidence: ExcerptRow[] | null,
  country: IncludedRow | null,
];

/** An attribute and its excerpts where asked for. */
export type IncludedAttributeRow = [attribute: AttributeRow, evidence: ExcerptRow[] | null];

/** A relation, the entity at its other end, and its excerpts where asked for. */
export type IncludedRelationRow = [relation: RelationRow, end: IncludedRow, evidence: ExcerptRow[] | null];

/** An excerpt and its source, null when that is retracted or missing. */
export type ExcerptRow = [id: string, sourceId: string, text: string, source: EntityRow | null];

/** What a relation type looks like (`relationTypeSchema`); only such names are spliced into Cypher. */
export const RELATION_TYPE = /^[A-Z][A-Z0-9_]{0,49}$/;

/** The Cypher expression of an `IncludedRow` for the entity node bound to `variable`. */
export function includedEntity(variable: string, includes: EntityIncludes, scope: CypherScope): string {
  const relations = includes.relations.map((include) => relationsSubquery(variable, include, scope));
  const attributes = includes.attributes ? attributesSubquery(`${variable}.id`, includes.attributeEvidence, scope) : 'null';
  const evidence = includes.evidence ? excerptsSubquery(`${variable}.evidenceIds`, scope) : 'null';
  const country = includes.country ? countrySubquery(variable, includes.country, scope) : 'null';
  return `[${entityProjection(variable)}, [${relations.join(', ')}], ${attributes}, ${evidence}, ${country}]`;
}

/**
 * The unretracted relations of one shape touching `variable`, both ends unretracted, ordered by type and id, at
 * most `first`: a list of `IncludedRelationRow`. Relation types are checked against RELATION_TYPE; a name that is not a
 * relation type matches nothing. Types go into the pattern so that Neo4j expands only those (a hub has thousands
 * of other relationships).
 */
export function relationsSubquery(variable: string, include: RelationInclude, scope: CypherScope): string {
  const types = include.types?.filter((type) => RELATION_TYPE.test(type)) ?? null;
  if (types !== null && types.length === 0) return '[]';
  const r = fresh(scope, 'r');
  const m = fresh(scope, 'm');
  const first = bind(scope, include.first);
  const evidence = include.evidence ? excerptsSubquery(`${r}.evidenceIds`, scope) : 'null';
  return `COLLECT {
    MATCH ${relationPattern(variable, r, m, include.direction, types)}
    WHERE ${r}.retractedAt IS NULL AND ${m}.retractedAt IS NULL
    WITH ${r}, ${m} ORDER BY type(${r}), ${r}.id LIMIT ${first}
    RETURN [${relationProjection(r)}, ${includedEntity(m, include.end, scope)}, ${evidence}]
  }`;
}

/** The unretracted attributes of the entity with id `idExpression`, by key and id: `IncludedAttributeRow`s. */
export function attributesSubquery(idExpression: string, evidence: boolean, scope: CypherScope): string {
  const a = fresh(scope, 'a');
  return `COLLECT {
    MATCH (${a}:Attribute {entityId: ${idExpression}}) WHERE ${a}.retractedAt IS NULL
    WITH ${a} ORDER BY ${a}.key, ${a}.id
    RETURN [${attributeProjection(a)}, ${evidence ? excerptsSubquery(`${a}.evidenceIds`, scope) : 'null'}]
  }`;
}

/** The excerpts whose ids are in `idsExpression`, each with its source when that is unretracted: `ExcerptRow`s. */
export function excerptsSubquery(idsExpression: string, scope: CypherScope): string {
  const x = fresh(scope, 'x');
  const s = fresh(scope, 's');
  return `COLLECT {
    MATCH (${x}:Excerpt) WHERE ${x}.id IN ${idsExpression}
    RETURN [${x}.id, ${x}.sourceId, ${x}.text, COLLECT { MATCH (${s}:Entity {id: ${x}.sourceId}) WHERE ${s}.retractedAt IS NULL RETURN ${entityProjection(s)} }[0]]
  }`;
}

/** The nearest country `variable` lies in (`PART_OF`, up to four levels; ties by id), null when none or retracted. */
export function countrySubquery(variable: string, includes: EntityIncludes, scope: CypherScope): string {
  const c = fresh(scope, 'c');
  const path = fresh(scope, 'path');
  return `COLLECT {
    MATCH ${path} = (${variable})-[:PART_OF*1..4]->(${c}:Country)
    WITH ${c} ORDER BY length(${path}), ${c}.id LIMIT 1
    WITH ${c} WHERE ${c}.retractedAt IS NULL
    RETURN ${includedEntity(c, includes, scope)}
  }[0]`;
}

/** Maps an `includedEntity` row to its model and adds everything read with it to `reads`, one entry per loader key. */
export function readIncluded([row, relations, attributes, evidence, country]: IncludedRow, includes: EntityIncludes, reads: PrefetchedReads): EntityModel {
  const entity = toEntityModel(row);
  reads.entities.push(entity);
  includes.relations.forEach((include, index) => {
    const found = relations[index] ?? [];
    const query = { entityId: entity.id, types: include.types, direction: include.direction, first: include.first };
    reads.relations.push({ query, relations: found.map(([relation]) => toRelationModel(relation)) });
    for (const [, end, excerpts] of found) {
      readIncluded(end, include.end, reads);
      if (excerpts) readExcerpts(excerpts, reads);
    }
  });
  if (includes.attributes) {
    reads.attributes.push({ entityId: entity.id, attributes: (attributes ?? []).map(([attribute]) => toAttributeModel(attribute)) });
    for (const [, excerpts] of attributes ?? []) if (excerpts) readExcerpts(excerpts, reads);
  }
  if (includes.evidence) readExcerpts(evidence ?? [], reads);
  if (includes.country) reads.countries.push({ regionId: entity.id, country: country ? readIncluded(country, includes.country, reads) : null });
  return entity;
}

/** Adds excerpt rows and their sources to `reads`. */
export function readExcerpts(rows: readonly ExcerptRow[], reads: PrefetchedReads): void {
  for (const [id, sourceId, text, source] of rows) {
    reads.excerpts.push({ id, sourceId, text });
    if (source) reads.entities.push(toEntityModel(source));
  }
}

/**
 * The match pattern from `from` over relation `r` to entity `m`, for one direction and set of types (null: any).
 * The direction is a closed enum and the types were checked against RELATION_TYPE, never arbitrary user text.
 */
function relationPattern(from: string, r: string, m: string, direction: RelationDirection, types: readonly string[] | null): string {
  const relation = types === null ? r : `${r}:${types.join('|')}`;
  switch (direction) {
    case 'OUTGOING':
      return `(${from})-[${relation}]->(${m}:Entity)`;
    case 'INCOMING':
      return `(${from})<-[${relation}]-(${m}:Entity)`;
    case 'BOTH':
      return `(${from})-[${relation}]-(${m}:Entity)`;
    default:
      return assertNever(direction);
  }
}

function fresh(scope: CypherScope, prefix: string): string {
  return `${prefix}_${scope.next++}`;
}

/** Adds `value` to the statement's parameters under a fresh name; returns the reference to it. */
function bind(scope: CypherScope, value: unknown): string {
  const name = fresh(scope, 'include');
  scope.parameters[name] = value;
  return `$${name}`;
}

import type { EntityModel } from '../models/EntityModel.js';
import type { PrefetchedReads } from '../models/PrefetchedReads.js';
import type { RelationModel } from '../models/RelationModel.js';
import { assertNever } from '../assertNever.js';
import type { RelationDirection } from './createEntityRepository.js';
import type { EntityIncludes, RelationInclude } from './EntityIncludes.js';
import type { ProjectionShape } from './ProjectionShape.js';
import { cypherList } from './cypherList.js';
import {
  attributeProjection,
  entityProjection,
  toAttributeModel,
  toBasis,
  toEntityModel,
  type AttributeRow,
  type EntityRow,
} from './entityProjection.js';

/** Fresh variable names, the parameters and the projection shape of one statement under construction. */
export interface CypherScope {
  shape: ProjectionShape;
  parameters: Record<string, unknown>;
  next: number;
}

export function createCypherScope(shape: ProjectionShape, parameters: Record<string, unknown> = {}): CypherScope {
  return { shape, parameters, next: 0 };
}

/**
 * An entity with what was read along with it, as `includedEntity` lists it: the entity, then per relation include
 * its relations, then attributes, evidence and country, each where asked for (else null or missing).
 */
export type IncludedRow = [
  entity: EntityRow,
  relations?: IncludedRelationRow[][] | null,
  attributes?: IncludedAttributeRow[] | null,
  evidence?: ExcerptRow[] | null,
  country?: IncludedRow | null,
];

/** An attribute and its excerpts where asked for. */
export type IncludedAttributeRow = [attribute: AttributeRow, evidence?: ExcerptRow[] | null];

/**
 * A relation seen from the entity it was read for: the entity at its other end, the relation's own values (its id
 * only where the shape reads `relationIds`), and its excerpts where asked for. The ends' ids and a single
 * asked-for type are known to the reader, so they do not travel: `type` is null when the include asks for one
 * type, `outgoing` null or missing unless the include reads both directions. One flat list per relation: every
 * list is built by Neo4j and decoded by the driver.
 */
export type IncludedRelationRow = [
  end: IncludedRow,
  id: string | null,
  role: string | null,
  type?: string | null,
  evidenceIds?: string[] | null,
  outgoing?: boolean | null,
  evidence?: ExcerptRow[] | null,
  basis?: string | null,
  inference?: string | null,
];

/** An excerpt. Its source travels once per statement, in the statement's `sourcesSubquery`. */
export type ExcerptRow = [id: string, sourceId: string, text: string];

/** What a relation type looks like (`relationTypeSchema`); a name that is not one matches nothing. */
export const RELATION_TYPE = /^[A-Z][A-Z0-9_]{0,49}$/;

const fixedTypeLists = new WeakSet<readonly string[]>();

/**
 * A sorted type list of the server's own, such as a schema field's (`Organization.agreements`: `PARTY_TO`). Only
 * lists made here are written into statements, as the pattern's types, so that Neo4j expands just those of a
 * hub's relationships (on a hub of 20,000 relationships: 6,100 db hits against 45,000 for `type(r) IN $types`);
 * they are a closed set, so each has one cached plan. Every other list, such as `relations(types:)`'s, is a
 * parameter.
 */
export function fixedRelationTypes(types: readonly string[]): readonly string[] {
  const list = Object.freeze([...types].sort());
  fixedTypeLists.add(list);
  return list;
}

/** The Cypher expression of an `IncludedRow` for the entity node bound to `variable`. */
export function includedEntity(variable: string, includes: EntityIncludes, scope: CypherScope): string {
  const relations = includes.relations.map((include) => relationsSubquery(variable, include, scope));
  const attributes = includes.attributes ? attributesSubquery(`${variable}.id`, includes.attributeEvidence, scope) : 'null';
  const evidence = includes.evidence ? excerptsSubquery(`${variable}.evidenceIds`, scope) : 'null';
  const country = includes.country ? countrySubquery(variable, includes.country, scope) : 'null';
  return cypherList([entityProjection(variable, scope.shape), relations.length > 0 ? `[${relations.join(', ')}]` : 'null', attributes, evidence, country]);
}

/**
 * The unretracted relations of one shape touching `variable`, both ends unretracted, ordered by type and id, at
 * most `first`: a list of `IncludedRelationRow`. Types of `fixedRelationTypes` go into the pattern; any other list
 * is a parameter, never statement text (a statement per list would cost Neo4j a plan each: 10 s for 2,000 types).
 */
export function relationsSubquery(variable: string, include: RelationInclude, scope: CypherScope): string {
  const types = relationTypes(include);
  if (types !== null && types.length === 0) return '[]';
  const r = fresh(scope, 'r');
  const m = fresh(scope, 'm');
  const first = bind(scope, include.first);
  const inPattern = include.types !== null && fixedTypeLists.has(include.types);
  const typeCondition = types === null || inPattern ? '' : `type(${r}) IN ${bind(scope, types)} AND `;
  const evidence = include.evidence ? excerptsSubquery(`${r}.evidenceIds`, scope) : 'null';
  const oneType = soleType(include) !== null;
  const row = cypherList([
    includedEntity(m, include.end, scope),
    scope.shape.relationIds ? `${r}.id` : 'null',
    `${r}.role`,
    oneType ? 'null' : `type(${r})`,
    scope.shape.relationEvidence ? `${r}.evidenceIds` : 'null',
    include.direction === 'BOTH' ? `startNode(${r}) = ${variable}` : 'null',
    evidence,
    `${r}.basis`,
    `${r}.inference`,
  ]);
  return `COLLECT {
    MATCH ${relationPattern(variable, r, m, include.direction, inPattern ? types : null)}
    WHERE ${typeCondition}${r}.retractedAt IS NULL AND ${m}.retractedAt IS NULL
    WITH ${r}, ${m} ORDER BY ${oneType ? '' : `type(${r}), `}${r}.id LIMIT ${first}
    RETURN ${row}
  }`;
}

/** The unretracted attributes of the entity with id `idExpression`, by key and id: `IncludedAttributeRow`s. */
export function attributesSubquery(idExpression: string, evidence: boolean, scope: CypherScope): string {
  const a = fresh(scope, 'a');
  return `COLLECT {
    MATCH (${a}:Attribute {entityId: ${idExpression}}) WHERE ${a}.retractedAt IS NULL
    WITH ${a} ORDER BY ${a}.key, ${a}.id
    RETURN ${cypherList([attributeProjection(a), evidence ? excerptsSubquery(`${a}.evidenceIds`, scope) : 'null'])}
  }`;
}

/** The unretracted excerpts whose ids are in `idsExpression`: `ExcerptRow`s. */
export function excerptsSubquery(idsExpression: string, scope: CypherScope): string {
  const x = fresh(scope, 'x');
  return `COLLECT {
    MATCH (${x}:Excerpt) WHERE ${x}.id IN ${idsExpression} AND ${x}.retractedAt IS NULL
    RETURN [${x}.id, ${x}.sourceId, ${x}.text]
  }`;
}

/**
 * The unretracted sources among the ids in `idsExpression`, each once, as `EntityRow`s; none unless the shape reads
 * `evidenceSources`. Many excerpts of one statement quote the same few sources, so sources are read once per
 * statement rather than once per excerpt.
 */
export function sourcesSubquery(idsExpression: string, scope: CypherScope): string {
  if (!scope.shape.evidenceSources) return '[]';
  const id = fresh(scope, 'sourceId');
  const s = fresh(scope, 's');
  return `COLLECT {
    UNWIND ${idsExpression} AS ${id}
    WITH DISTINCT ${id}
    MATCH (${s}:Entity {id: ${id}}) WHERE ${s}.retractedAt IS NULL
    RETURN ${entityProjection(s, scope.shape)}
  }`;
}

/**
 * The Cypher list of the source ids of every excerpt in the `IncludedRow` that `row` evaluates to, as `includes`
 * shaped it; null when `includes` reads no excerpts.
 */
function excerptSourceIds(row: string, includes: EntityIncludes, scope: CypherScope): string | null {
  const sourceIdsOf = (excerpts: string) => {
    const x = fresh(scope, 'x');
    return `[${x} IN coalesce(${excerpts}, []) | ${x}[1]]`;
  };
  const parts: string[] = [];
  includes.relations.forEach((include, index) => {
    const relation = fresh(scope, 'relation');
    const inner = [include.evidence ? sourceIdsOf(`${relation}[6]`) : null, excerptSourceIds(`${relation}[0]`, include.end, scope)].filter((part) => part !== null);
    if (inner.length > 0) parts.push(concatOver(`${row}[1][${index}]`, relation, inner.join(' + '), scope));
  });
  if (includes.attributes && includes.attributeEvidence) {
    const attribute = fresh(scope, 'attribute');
    parts.push(concatOver(`${row}[2]`, attribute, sourceIdsOf(`${attribute}[1]`), scope));
  }
  if (includes.evidence) parts.push(sourceIdsOf(`${row}[3]`));
  if (includes.country) {
    const country = excerptSourceIds(`${row}[4]`, includes.country, scope);
    if (country !== null) parts.push(country);
  }
  return parts.length > 0 ? parts.join(' + ') : null;
}

/**
 * The Cypher expression of the sources of every excerpt in the `IncludedRow`s that `rows` (a list expression)
 * evaluates to, element variable `row` being one of them as `rowOf(row)`: `EntityRow`s for `readSources`.
 */
export function includedSources(rows: string, rowOf: (row: string) => string, includes: EntityIncludes, scope: CypherScope): string {
  const row = fresh(scope, 'row');
  const ids = excerptSourceIds(rowOf(row), includes, scope);
  return ids === null ? '[]' : sourcesSubquery(concatOver(rows, row, ids, scope), scope);
}

/** Adds the sources `includedSources` read to `reads`. */
export function readSources(rows: readonly EntityRow[], reads: PrefetchedReads): void {
  for (const row of rows) reads.entities.push(toEntityModel(row));
}

/** The concatenation of `listOf` (an expression of `variable`) over the elements of `list`. */
function concatOver(list: string, variable: string, listOf: string, scope: CypherScope): string {
  const all = fresh(scope, 'all');
  return `reduce(${all} = [], ${variable} IN coalesce(${list}, []) | ${all} + ${listOf})`;
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
    const found = relations?.[index] ?? [];
    const query = { entityId: entity.id, types: include.types, direction: include.direction, first: include.first };
    const toRelation = includedRelationReader(include);
    reads.relations.push({ query, relations: found.map((row) => toRelation(row, entity.id)) });
    for (const row of found) {
      readIncluded(row[0], include.end, reads);
      const excerpts = row[6];
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

/**
 * What turns the `IncludedRelationRow`s of one include into relations, given the id of the entity each was read for.
 * Built once per include and list of rows: what the include tells (direction, its one type) is worked out once.
 */
export function includedRelationReader(include: RelationInclude): (row: IncludedRelationRow, entityId: string) => RelationModel {
  const { direction } = include;
  const onlyType = soleType(include);
  return ([[[endId]], id, role, type, evidenceIds, outgoing, , basis, inference], entityId) => {
    const fromHere = direction === 'OUTGOING' || (direction === 'BOTH' && outgoing === true);
    return {
      id: id ?? '',
      type: (type ?? onlyType)!,
      fromId: fromHere ? entityId : endId,
      toId: fromHere ? endId : entityId,
      role,
      evidenceIds: evidenceIds ?? [],
      basis: toBasis(basis),
      inference: inference ?? null,
    };
  };
}

/** The include's one relation type when it asks for exactly one, else null: rows then carry no type of their own. */
function soleType(include: RelationInclude): string | null {
  const types = relationTypes(include);
  return types?.length === 1 ? types[0]! : null;
}

const typesOfInclude = new WeakMap<RelationInclude, readonly string[] | null>();

/** The include's relation types that are relation types at all (null: any); worked out once per include. */
function relationTypes(include: RelationInclude): readonly string[] | null {
  let types = typesOfInclude.get(include);
  if (types === undefined) typesOfInclude.set(include, (types = include.types?.filter((type) => RELATION_TYPE.test(type)) ?? null));
  return types;
}

/** Adds excerpt rows to `reads`. */
export function readExcerpts(rows: readonly ExcerptRow[], reads: PrefetchedReads): void {
  for (const [id, sourceId, text] of rows) reads.excerpts.push({ id, sourceId, text });
}

/**
 * The match pattern from `from` over relation `r` to entity `m`, for one direction and set of types (null: any).
 * The direction is a closed enum and the types a `fixedRelationTypes` list checked against RELATION_TYPE.
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

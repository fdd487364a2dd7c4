import type { EntityModel } from '../models/EntityModel.js';
import type { ExcerptModel } from '../models/ExcerptModel.js';
import type { ReadAheadCache } from '../models/ReadAheadCache.js';
import type { RelationModel } from '../models/RelationModel.js';
import { assertNever } from '../domain/assertNever.js';
import type { RelationDirection } from '../domain/RelationQuery.js';
import { RELATION_TYPE } from '../domain/relationTypes.js';
import type { EntityIncludes, RelationInclude } from './EntityIncludes.js';
import type { ProjectionShape } from './ProjectionShape.js';
import { defineColumns, type Row } from './defineColumns.js';
import { FULL_PROJECTION } from './ProjectionShape.js';
import {
  attributeProjection,
  ENTITY_COLUMNS,
  entityProjection,
  toAttributeModel,
  toBasis,
  toEntityModel,
  type AttributeRow,
  type EntityRow,
} from './entityProjection.js';

/** What `includedEntity` wrote: its `COLLECT` subqueries, and the deepest entity level below the first (0: none). */
export interface IncludeCost {
  subqueries: number;
  levels: number;
}

/** Fresh variable names, the parameters, the projection shape and the cost so far of one statement under construction. */
export interface CypherScope {
  shape: ProjectionShape;
  parameters: Record<string, unknown>;
  next: number;
  /** Entity levels above the one being written. */
  depth: number;
  cost: IncludeCost;
}

export function createCypherScope(shape: ProjectionShape, parameters: Record<string, unknown> = {}): CypherScope {
  return { shape, parameters, next: 0, depth: 0, cost: { subqueries: 0, levels: 0 } };
}

/**
 * What `includedEntity` writes for `includes`, found by writing it: the planner keeps statements small by this
 * measure, which cannot drift from the statement.
 */
export function includeCost(includes: EntityIncludes): IncludeCost {
  const scope = createCypherScope(FULL_PROJECTION);
  includedEntity('n', includes, scope);
  return scope.cost;
}

/**
 * An entity with what was read along with it, as `includedEntity` lists it: the entity, then per relation include
 * its relations, then attributes, evidence and country, each where asked for (else null or missing).
 */
export interface IncludedColumns {
  entity: EntityRow;
  relations: IncludedRelationRow[][] | null;
  attributes: IncludedAttributeRow[] | null;
  evidence: ExcerptRow[] | null;
  country: IncludedRow | null;
}

export const INCLUDED_COLUMNS = defineColumns<IncludedColumns>({
  entity: 'always',
  relations: 'optional',
  attributes: 'optional',
  evidence: 'optional',
  country: 'optional',
});

export type IncludedRow = Row<IncludedColumns>;

/** An attribute and its excerpts where asked for. */
export interface IncludedAttributeColumns {
  attribute: AttributeRow;
  evidence: ExcerptRow[] | null;
}

export const INCLUDED_ATTRIBUTE_COLUMNS = defineColumns<IncludedAttributeColumns>({
  attribute: 'always',
  evidence: 'optional',
});

export type IncludedAttributeRow = Row<IncludedAttributeColumns>;

/**
 * A relation seen from the entity it was read for: the entity at its other end, the relation's own values (its id
 * only where the shape reads `relationIds`), and its excerpts where asked for. The ends' ids and a single
 * asked-for type are known to the reader, so they do not travel: `type` is null when the include asks for one
 * type, `outgoing` null or missing unless the include reads both directions. One flat list per relation: every
 * list is built by Neo4j and decoded by the driver.
 */
export interface IncludedRelationColumns {
  end: IncludedRow;
  id: string | null;
  role: string | null;
  type: string | null;
  evidenceIds: string[] | null;
  outgoing: boolean | null;
  evidence: ExcerptRow[] | null;
  basis: string | null;
  inference: string | null;
}

export const INCLUDED_RELATION_COLUMNS = defineColumns<IncludedRelationColumns>({
  end: 'always',
  id: 'optional',
  role: 'always',
  type: 'optional',
  evidenceIds: 'optional',
  outgoing: 'optional',
  evidence: 'optional',
  basis: 'always',
  inference: 'always',
});

export type IncludedRelationRow = Row<IncludedRelationColumns>;

/** An excerpt. Its source travels once per statement, in the statement's `sourcesSubquery`. */
export interface ExcerptColumns {
  id: string;
  sourceId: string;
  text: string;
}

export const EXCERPT_COLUMNS = defineColumns<ExcerptColumns>({ id: 'always', sourceId: 'always', text: 'always' });

export type ExcerptRow = Row<ExcerptColumns>;

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
  scope.cost.levels = Math.max(scope.cost.levels, scope.depth);
  const relations = includes.relations.map((include) => relationsSubquery(variable, include, scope));
  return INCLUDED_COLUMNS.list({
    entity: entityProjection(variable, scope.shape),
    relations: relations.length > 0 ? `[${relations.join(', ')}]` : null,
    attributes: includes.attributes ? attributesSubquery(`${variable}.id`, includes.attributeEvidence, scope) : null,
    evidence: includes.evidence ? excerptsSubquery(`${variable}.evidenceIds`, scope) : null,
    country: includes.country ? countrySubquery(variable, includes.country, scope) : null,
  });
}

/** `includedEntity` for the entity at the other end of a relation or the country of a region: one level deeper. */
function nestedEntity(variable: string, includes: EntityIncludes, scope: CypherScope): string {
  scope.depth++;
  try {
    return includedEntity(variable, includes, scope);
  } finally {
    scope.depth--;
  }
}

/** Counts one `COLLECT` subquery written into the statement; returns it. */
function subquery(scope: CypherScope, body: string): string {
  scope.cost.subqueries++;
  return `COLLECT {${body}}`;
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
  const oneType = soleType(include) !== null;
  const row = INCLUDED_RELATION_COLUMNS.list({
    end: nestedEntity(m, include.end, scope),
    id: scope.shape.relationIds ? `${r}.id` : null,
    role: `${r}.role`,
    type: oneType ? null : `type(${r})`,
    evidenceIds: scope.shape.relationEvidence ? `${r}.evidenceIds` : null,
    outgoing: include.direction === 'BOTH' ? `startNode(${r}) = ${variable}` : null,
    evidence: include.evidence ? excerptsSubquery(`${r}.evidenceIds`, scope) : null,
    basis: `${r}.basis`,
    inference: `${r}.inference`,
  });
  return subquery(
    scope,
    `
    MATCH ${relationPattern(variable, r, m, include.direction, inPattern ? types : null)}
    WHERE ${typeCondition}${r}.retractedAt IS NULL AND ${m}.retractedAt IS NULL
    WITH ${r}, ${m} ORDER BY ${oneType ? '' : `type(${r}), `}${r}.id LIMIT ${first}
    RETURN ${row}
  `,
  );
}

/** The unretracted attributes of the entity with id `idExpression`, by key and id: `IncludedAttributeRow`s. */
export function attributesSubquery(idExpression: string, evidence: boolean, scope: CypherScope): string {
  const a = fresh(scope, 'a');
  const row = INCLUDED_ATTRIBUTE_COLUMNS.list({
    attribute: attributeProjection(a),
    evidence: evidence ? excerptsSubquery(`${a}.evidenceIds`, scope) : null,
  });
  return subquery(
    scope,
    `
    MATCH (${a}:Attribute {entityId: ${idExpression}}) WHERE ${a}.retractedAt IS NULL
    WITH ${a} ORDER BY ${a}.key, ${a}.id
    RETURN ${row}
  `,
  );
}

/** The unretracted excerpts whose ids are in `idsExpression`: `ExcerptRow`s. */
export function excerptsSubquery(idsExpression: string, scope: CypherScope): string {
  const x = fresh(scope, 'x');
  return subquery(
    scope,
    `
    MATCH (${x}:Excerpt) WHERE ${x}.id IN ${idsExpression} AND ${x}.retractedAt IS NULL
    RETURN ${EXCERPT_COLUMNS.list({ id: `${x}.id`, sourceId: `${x}.sourceId`, text: `${x}.text` })}
  `,
  );
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
  return subquery(
    scope,
    `
    UNWIND ${idsExpression} AS ${id}
    WITH DISTINCT ${id}
    MATCH (${s}:Entity {id: ${id}}) WHERE ${s}.retractedAt IS NULL
    RETURN ${entityProjection(s, scope.shape)}
  `,
  );
}

/**
 * The Cypher list of the source ids of every excerpt in the `IncludedRow` that `row` evaluates to, as `includes`
 * shaped it; null when `includes` reads no excerpts.
 */
function excerptSourceIds(row: string, includes: EntityIncludes, scope: CypherScope): string | null {
  const sourceIdsOf = (excerpts: string) => {
    const x = fresh(scope, 'x');
    return `[${x} IN coalesce(${excerpts}, []) | ${EXCERPT_COLUMNS.at(x, 'sourceId')}]`;
  };
  const parts: string[] = [];
  includes.relations.forEach((include, index) => {
    const relation = fresh(scope, 'relation');
    const inner = [
      include.evidence ? sourceIdsOf(INCLUDED_RELATION_COLUMNS.at(relation, 'evidence')) : null,
      excerptSourceIds(INCLUDED_RELATION_COLUMNS.at(relation, 'end'), include.end, scope),
    ].filter((part) => part !== null);
    // `index` is the include's place in the list of relation includes, not a column.
    if (inner.length > 0)
      parts.push(concatOver(`${INCLUDED_COLUMNS.at(row, 'relations')}[${index}]`, relation, inner.join(' + '), scope));
  });
  if (includes.attributes && includes.attributeEvidence) {
    const attribute = fresh(scope, 'attribute');
    parts.push(
      concatOver(
        INCLUDED_COLUMNS.at(row, 'attributes'),
        attribute,
        sourceIdsOf(INCLUDED_ATTRIBUTE_COLUMNS.at(attribute, 'evidence')),
        scope,
      ),
    );
  }
  if (includes.evidence) parts.push(sourceIdsOf(INCLUDED_COLUMNS.at(row, 'evidence')));
  if (includes.country) {
    const country = excerptSourceIds(INCLUDED_COLUMNS.at(row, 'country'), includes.country, scope);
    if (country !== null) parts.push(country);
  }
  return parts.length > 0 ? parts.join(' + ') : null;
}

/**
 * The Cypher expression of the sources of every excerpt in the `IncludedRow`s that `rows` (a list expression)
 * evaluates to, element variable `row` being one of them as `rowOf(row)`: `EntityRow`s for `readSources`.
 */
export function includedSources(
  rows: string,
  rowOf: (row: string) => string,
  includes: EntityIncludes,
  scope: CypherScope,
): string {
  const row = fresh(scope, 'row');
  const ids = excerptSourceIds(rowOf(row), includes, scope);
  return ids === null ? '[]' : sourcesSubquery(concatOver(rows, row, ids, scope), scope);
}

/** Primes `readAhead` with the sources `includedSources` read. */
export function readSources(rows: readonly EntityRow[], readAhead: ReadAheadCache): void {
  for (const row of rows) {
    const source = toEntityModel(row);
    readAhead.entities.prime(source.id, source);
  }
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
  const row = nestedEntity(c, includes, scope);
  // The first (only) row the subquery returns, not a column.
  return `${subquery(
    scope,
    `
    MATCH ${path} = (${variable})-[:PART_OF*1..4]->(${c}:Country)
    WITH ${c} ORDER BY length(${path}), ${c}.id LIMIT 1
    WITH ${c} WHERE ${c}.retractedAt IS NULL
    RETURN ${row}
  `,
  )}[0]`;
}

/** Maps an `includedEntity` row to its model and adds everything read with it to `reads`, one entry per loader key. */
const included = INCLUDED_COLUMNS.read;
const includedAttribute = INCLUDED_ATTRIBUTE_COLUMNS.read;
const includedRelation = INCLUDED_RELATION_COLUMNS.read;
const excerpt = EXCERPT_COLUMNS.read;

/**
 * Maps an `includedEntity` row to its model and primes `readAhead` with it and everything read with it, under the
 * keys the loaders would read them by.
 */
export function readIncluded(row: IncludedRow, includes: EntityIncludes, readAhead: ReadAheadCache): EntityModel {
  const entity = toEntityModel(included.entity(row));
  readAhead.entities.prime(entity.id, entity);
  const relations = included.relations(row);
  includes.relations.forEach((include, index) => {
    const found = relations?.[index] ?? [];
    const query = { entityId: entity.id, types: include.types, direction: include.direction, first: include.first };
    const toRelation = includedRelationReader(include);
    readAhead.relations.prime(
      query,
      found.map((relation) => toRelation(relation, entity.id)),
    );
    for (const relation of found) {
      readIncluded(includedRelation.end(relation), include.end, readAhead);
      const excerpts = includedRelation.evidence(relation);
      if (excerpts) readExcerpts(excerpts, readAhead);
    }
  });
  if (includes.attributes) {
    const attributes = included.attributes(row) ?? [];
    readAhead.attributes.prime(
      entity.id,
      attributes.map((attribute) => toAttributeModel(includedAttribute.attribute(attribute))),
    );
    for (const attribute of attributes) {
      const excerpts = includedAttribute.evidence(attribute);
      if (excerpts) readExcerpts(excerpts, readAhead);
    }
  }
  if (includes.evidence) readExcerpts(included.evidence(row) ?? [], readAhead);
  if (includes.country) {
    const country = included.country(row);
    readAhead.countries.prime(entity.id, country ? readIncluded(country, includes.country, readAhead) : null);
  }
  return entity;
}

/** The id of the entity an `IncludedRow` lists. */
export function includedEntityId(row: IncludedRow): string {
  return ENTITY_COLUMNS.read.id(included.entity(row));
}

/**
 * What turns the `IncludedRelationRow`s of one include into relations, given the id of the entity each was read for.
 * Built once per include and list of rows: what the include tells (direction, its one type) is worked out once.
 */
export function includedRelationReader(
  include: RelationInclude,
): (row: IncludedRelationRow, entityId: string) => RelationModel {
  const { direction } = include;
  const onlyType = soleType(include);
  return (row, entityId) => {
    const endId = includedEntityId(includedRelation.end(row));
    const fromHere = direction === 'OUTGOING' || (direction === 'BOTH' && includedRelation.outgoing(row) === true);
    return {
      id: includedRelation.id(row) ?? '',
      type: (includedRelation.type(row) ?? onlyType)!,
      fromId: fromHere ? entityId : endId,
      toId: fromHere ? endId : entityId,
      role: includedRelation.role(row),
      evidenceIds: includedRelation.evidenceIds(row) ?? [],
      basis: toBasis(includedRelation.basis(row)),
      inference: includedRelation.inference(row),
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
  if (types === undefined)
    typesOfInclude.set(include, (types = include.types?.filter((type) => RELATION_TYPE.test(type)) ?? null));
  return types;
}

/** Primes `readAhead` with excerpt rows. */
export function readExcerpts(rows: readonly ExcerptRow[], readAhead: ReadAheadCache): void {
  for (const row of rows) readAhead.excerpts.prime(excerpt.id(row), toExcerptModel(row));
}

export function toExcerptModel(row: ExcerptRow): ExcerptModel {
  return { id: excerpt.id(row), sourceId: excerpt.sourceId(row), text: excerpt.text(row) };
}

/**
 * The match pattern from `from` over relation `r` to entity `m`, for one direction and set of types (null: any).
 * The direction is a closed enum and the types a `fixedRelationTypes` list checked against RELATION_TYPE.
 */
function relationPattern(
  from: string,
  r: string,
  m: string,
  direction: RelationDirection,
  types: readonly string[] | null,
): string {
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

import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type FieldsByTypeName, type ResolveTree } from 'graphql-parse-resolve-info';
import { NO_INCLUDES, type EntityIncludes, type RelationInclude } from '../repositories/EntityIncludes.js';
import { includeCost } from '../repositories/includeCypher.js';
import { memoizeBySelection } from './memoizeBySelection.js';
import { FIELD_RELATION_LIMIT, MAX_RELATION_TYPES, relationField } from './relationFields.js';

/**
 * Relation levels read ahead below the entities a field returns, and subqueries in one statement at most: deeper or
 * wider selections are left to the loaders, because Neo4j takes seconds to plan a statement of a hundred subqueries.
 */
export const MAX_INCLUDE_DEPTH = 4;
export const MAX_INCLUDE_SUBQUERIES = 12;

const GENERIC_RELATIONS_FIRST = { default: 100, max: 1000 };
const DIRECTIONS = new Set(['OUTGOING', 'INCOMING', 'BOTH']);
/** Fields answered from the entity's attributes (`loadAttributeValue`, `attributes`). */
const ATTRIBUTE_FIELDS: Record<string, readonly string[]> = { Event: ['date'], Organization: ['legalForm'] };

/**
 * What to read along with the entities that the current field returns at `path` below it (for a connection,
 * `['edges', 'node']`), judged from the selection set: a look-ahead that lets the field's own round trip fetch
 * the data of nested relation, country, attribute and evidence fields. Over-reading is harmless (the loaders are
 * primed with exactly what they would have read); a selection it does not know is left to the loaders. The plan
 * is shared by the requests that run the same document with the same variables below the field: never change it.
 */
export function planIncludes(info: GraphQLResolveInfo, path: readonly string[] = []): EntityIncludes {
  // Reading the selection costs about as much as mapping a page of answers; a document's plan changes only with
  // the variables used below the field.
  return memoizeBySelection(info, `planIncludes:${path.join('.')}`, () => planFromSelection(info, path));
}

function planFromSelection(info: GraphQLResolveInfo, path: readonly string[]): EntityIncludes {
  const tree = parseResolveInfo(info) as ResolveTree | null | undefined;
  if (!tree) return NO_INCLUDES;
  const selections = path.reduce((current, name) => current.flatMap((byType) => subfieldsNamed(byType, [name])), [tree.fieldsByTypeName]);
  // The deepest levels go first when the statement would be too large.
  for (let maxDepth = MAX_INCLUDE_DEPTH; maxDepth > 0; maxDepth--) {
    const includes = includesOf(selections, MAX_INCLUDE_DEPTH - maxDepth);
    if (includeCost(includes).subqueries <= MAX_INCLUDE_SUBQUERIES) return includes;
  }
  return NO_INCLUDES;
}

function includesOf(selections: readonly FieldsByTypeName[], depth: number): EntityIncludes {
  if (depth >= MAX_INCLUDE_DEPTH) return NO_INCLUDES;
  let includes = NO_INCLUDES;
  for (const byType of selections) {
    for (const [typeName, fields] of Object.entries(byType)) {
      for (const field of Object.values(fields)) includes = mergeIncludes(includes, includesOfField(typeName, field, depth));
    }
  }
  return includes;
}

function includesOfField(typeName: string, field: ResolveTree, depth: number): EntityIncludes {
  const { name, args, fieldsByTypeName } = field;
  if (ATTRIBUTE_FIELDS[typeName]?.includes(name)) return { ...NO_INCLUDES, attributes: true };
  if (name === 'attributes') return { ...NO_INCLUDES, attributes: true, attributeEvidence: subfieldsNamed(fieldsByTypeName, ['evidence']).length > 0 };
  if (name === 'evidence') return { ...NO_INCLUDES, evidence: true };
  if (typeName === 'Region' && name === 'country') return { ...NO_INCLUDES, country: includesOf([fieldsByTypeName], depth + 1) };
  if (name === 'relations') {
    const shape = genericRelationShape(args);
    return shape ? { ...NO_INCLUDES, relations: [relationInclude(shape, fieldsByTypeName, ['from', 'to'], depth)] } : NO_INCLUDES;
  }
  const backed = relationField(typeName, name);
  if (!backed) return NO_INCLUDES;
  const shape = { types: backed.types, direction: backed.direction, first: FIELD_RELATION_LIMIT };
  if (backed.endFields === null) return { ...NO_INCLUDES, relations: [{ ...shape, evidence: false, end: includesOf([fieldsByTypeName], depth + 1) }] };
  return { ...NO_INCLUDES, relations: [relationInclude(shape, fieldsByTypeName, backed.endFields, depth)] };
}

/** A field answering relations: the other end's selection lives in `endFields`, the relations' own evidence in `evidence`. */
function relationInclude(
  shape: Pick<RelationInclude, 'types' | 'direction' | 'first'>,
  fieldsByTypeName: FieldsByTypeName,
  endFields: readonly string[],
  depth: number,
): RelationInclude {
  return {
    ...shape,
    evidence: subfieldsNamed(fieldsByTypeName, ['evidence']).length > 0,
    end: includesOf(subfieldsNamed(fieldsByTypeName, endFields), depth + 1),
  };
}

/** The generic `relations(types, direction, first)` as the resolver reads it; null where the resolver would reject the arguments. */
function genericRelationShape(args: ResolveTree['args']): Pick<RelationInclude, 'types' | 'direction' | 'first'> | null {
  const { types = null, direction = 'BOTH', first = GENERIC_RELATIONS_FIRST.default } = args as { types?: unknown; direction?: unknown; first?: unknown };
  if (!Number.isInteger(first) || (first as number) < 0 || (first as number) > GENERIC_RELATIONS_FIRST.max) return null;
  if (typeof direction !== 'string' || !DIRECTIONS.has(direction)) return null;
  if (types !== null && !(Array.isArray(types) && types.length <= MAX_RELATION_TYPES && types.every((type) => typeof type === 'string'))) return null;
  return { types: types === null ? null : [...new Set(types as string[])].sort(), direction: direction as RelationInclude['direction'], first: first as number };
}

/** The selections of the subfields called one of `names`, under any type and alias. */
function subfieldsNamed(fieldsByTypeName: FieldsByTypeName, names: readonly string[]): FieldsByTypeName[] {
  return Object.values(fieldsByTypeName).flatMap((fields) =>
    Object.values(fields).flatMap((field) => (names.includes(field.name) ? [field.fieldsByTypeName] : [])),
  );
}

function sameShape(a: RelationInclude, b: RelationInclude): boolean {
  return a.direction === b.direction && a.first === b.first && JSON.stringify(a.types) === JSON.stringify(b.types);
}

/** Everything either asks for; relation includes of the same shape become one. */
export function mergeIncludes(a: EntityIncludes, b: EntityIncludes): EntityIncludes {
  const relations = [...a.relations];
  for (const include of b.relations) {
    const index = relations.findIndex((existing) => sameShape(existing, include));
    const existing = relations[index];
    if (existing) relations[index] = { ...existing, evidence: existing.evidence || include.evidence, end: mergeIncludes(existing.end, include.end) };
    else relations.push(include);
  }
  const country = a.country && b.country ? mergeIncludes(a.country, b.country) : (a.country ?? b.country);
  return {
    relations,
    attributes: a.attributes || b.attributes,
    attributeEvidence: a.attributeEvidence || b.attributeEvidence,
    evidence: a.evidence || b.evidence,
    country,
  };
}

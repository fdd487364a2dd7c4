import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type FieldsByTypeName, type ResolveTree } from 'graphql-parse-resolve-info';
import { assertNever } from '../domain/assertNever.js';
import { NO_INCLUDES, type EntityIncludes, type RelationInclude } from '../repositories/EntityIncludes.js';
import { declarationOf } from './fields/fieldRegistry.js';
import type { FieldDeclaration } from './fields/FieldDeclaration.js';
import { FIELD_RELATION_LIMIT, GENERIC_RELATIONS_FIRST, MAX_RELATION_TYPES } from './fields/relationLimits.js';
import { includeCost } from '../repositories/includeCypher.js';
import { memoizeBySelection } from './memoizeBySelection.js';

/**
 * Relation levels read ahead below the entities a field returns, and subqueries in one statement at most: deeper or
 * wider selections are left to the loaders, because Neo4j takes seconds to plan a statement of a hundred subqueries.
 */
export const MAX_INCLUDE_DEPTH = 4;
export const MAX_INCLUDE_SUBQUERIES = 12;

const DIRECTIONS = new Set(['OUTGOING', 'INCOMING', 'BOTH']);

/**
 * What to read along with the entities that the current field returns at `path` below it (for a connection,
 * `['edges', 'node']`), judged from the selection set and the field registry: a look-ahead that lets the field's
 * own round trip fetch what the nested fields declare they read. Over-reading is harmless (the cache is primed with
 * exactly what the loaders would have read); a field without a declaration is left to the loaders. The plan is
 * shared by the requests that run the same document with the same variables below the field: never change it.
 */
export function planIncludes(info: GraphQLResolveInfo, path: readonly string[] = []): EntityIncludes {
  // Reading the selection costs about as much as mapping a page of answers; a document's plan changes only with
  // the variables used below the field.
  return memoizeBySelection(info, `planIncludes:${path.join('.')}`, () => planFromSelection(info, path));
}

function planFromSelection(info: GraphQLResolveInfo, path: readonly string[]): EntityIncludes {
  const tree = parseResolveInfo(info) as ResolveTree | null | undefined;
  if (!tree) return NO_INCLUDES;
  const selections = path.reduce(
    (current, name) => current.flatMap((byType) => subfieldsWhere(byType, (field) => field.name === name)),
    [tree.fieldsByTypeName],
  );
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
      for (const field of Object.values(fields)) {
        const declaration = declarationOf(typeName, field.name);
        if (declaration) includes = mergeIncludes(includes, includesOfField(declaration, field, depth));
      }
    }
  }
  return includes;
}

/** What one declared field of an entity reads ahead. */
function includesOfField(
  declaration: FieldDeclaration,
  { args, fieldsByTypeName }: ResolveTree,
  depth: number,
): EntityIncludes {
  switch (declaration.reads) {
    case 'model':
    case 'end':
      return NO_INCLUDES;
    case 'attribute':
      return { ...NO_INCLUDES, attributes: true };
    case 'attributes':
      return {
        ...NO_INCLUDES,
        attributes: true,
        attributeEvidence: subfieldsReading(fieldsByTypeName, 'evidence').length > 0,
      };
    case 'evidence':
      return { ...NO_INCLUDES, evidence: true };
    case 'country':
      return { ...NO_INCLUDES, country: includesOf([fieldsByTypeName], depth + 1) };
    case 'relations by arguments': {
      const shape = genericRelationShape(args);
      return shape ? { ...NO_INCLUDES, relations: [relationInclude(shape, fieldsByTypeName, depth)] } : NO_INCLUDES;
    }
    case 'relations': {
      const shape = { types: declaration.types, direction: declaration.direction, first: FIELD_RELATION_LIMIT };
      if (declaration.answers === 'relations')
        return { ...NO_INCLUDES, relations: [relationInclude(shape, fieldsByTypeName, depth)] };
      return {
        ...NO_INCLUDES,
        relations: [{ ...shape, evidence: false, end: includesOf([fieldsByTypeName], depth + 1) }],
      };
    }
    default:
      return assertNever(declaration);
  }
}

/** A field answering relations: the other end is read for the relation type's `end` fields, evidence for its `evidence`. */
function relationInclude(
  shape: Pick<RelationInclude, 'types' | 'direction' | 'first'>,
  fieldsByTypeName: FieldsByTypeName,
  depth: number,
): RelationInclude {
  return {
    ...shape,
    evidence: subfieldsReading(fieldsByTypeName, 'evidence').length > 0,
    end: includesOf(subfieldsReading(fieldsByTypeName, 'end'), depth + 1),
  };
}

/** The generic `relations(types, direction, first)` as the resolver reads it; null where the resolver would reject the arguments. */
function genericRelationShape(
  args: ResolveTree['args'],
): Pick<RelationInclude, 'types' | 'direction' | 'first'> | null {
  const {
    types = null,
    direction = 'BOTH',
    first = GENERIC_RELATIONS_FIRST.default,
  } = args as { types?: unknown; direction?: unknown; first?: unknown };
  if (!Number.isInteger(first) || (first as number) < 0 || (first as number) > GENERIC_RELATIONS_FIRST.max) return null;
  if (typeof direction !== 'string' || !DIRECTIONS.has(direction)) return null;
  if (
    types !== null &&
    !(Array.isArray(types) && types.length <= MAX_RELATION_TYPES && types.every((type) => typeof type === 'string'))
  )
    return null;
  return {
    types: types === null ? null : [...new Set(types as string[])].sort(),
    direction: direction as RelationInclude['direction'],
    first: first as number,
  };
}

/** The selections of the subfields whose declaration reads `reads`, under any type and alias. */
function subfieldsReading(fieldsByTypeName: FieldsByTypeName, reads: FieldDeclaration['reads']): FieldsByTypeName[] {
  return Object.entries(fieldsByTypeName).flatMap(([typeName, fields]) =>
    subfieldsWhere({ [typeName]: fields }, (field) => declarationOf(typeName, field.name)?.reads === reads),
  );
}

/** The selections of the subfields that `test` accepts, under any type and alias. */
function subfieldsWhere(fieldsByTypeName: FieldsByTypeName, test: (field: ResolveTree) => boolean): FieldsByTypeName[] {
  return Object.values(fieldsByTypeName).flatMap((fields) =>
    Object.values(fields).flatMap((field) => (test(field) ? [field.fieldsByTypeName] : [])),
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
    if (existing)
      relations[index] = {
        ...existing,
        evidence: existing.evidence || include.evidence,
        end: mergeIncludes(existing.end, include.end),
      };
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

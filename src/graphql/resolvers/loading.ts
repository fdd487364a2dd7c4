import type { AttributeModel } from '../../models/AttributeModel.js';
import type { EntityModel } from '../../models/EntityModel.js';
import type { ExcerptModel } from '../../models/ExcerptModel.js';
import type { RelationModel } from '../../models/RelationModel.js';
import type { RelationDirection } from '../../domain/RelationQuery.js';
import { includesNothing, type EntityIncludes } from '../../repositories/EntityIncludes.js';
import type { Context } from '../context.js';
import { FIELD_RELATION_LIMIT } from '../fields/relationLimits.js';

/** The relations of one shape that a field reads: sorted types and a direction. */
interface RelationShape {
  types: readonly string[];
  direction: RelationDirection;
}

// Each helper answers from the values read ahead when it has them all, at once, and through the loaders otherwise:
// graphql-js completes a plain value in the same turn, a promise one turn later.

/** A value now, or later. */
export type MaybePromise<T> = T | Promise<T>;

/** `map` applied to the value: at once when it is there, else when it arrives. */
export function whenLoaded<T, U>(value: MaybePromise<T>, map: (loaded: T) => MaybePromise<U>): MaybePromise<U> {
  return value instanceof Promise ? value.then(map) : map(value);
}

/** The excerpts behind a fact, in the order stored; excerpts that no longer exist are skipped. */
export function loadEvidence({ loaders, readAhead }: Context, ids: readonly string[]): MaybePromise<ExcerptModel[]> {
  const held = ids.map((id) => readAhead.excerpts.get(id));
  if (held.every((excerpt) => excerpt !== undefined)) return held as ExcerptModel[];
  return loaders.excerpt
    .loadMany(ids)
    .then((excerpts) =>
      excerpts.filter((excerpt): excerpt is ExcerptModel => excerpt !== null && !(excerpt instanceof Error)),
    );
}

/** Relations of given types touching `entityId`. */
export function loadRelations(
  { loaders, readAhead }: Context,
  entityId: string,
  types: readonly string[] | null,
  direction: RelationDirection,
  first = FIELD_RELATION_LIMIT,
): MaybePromise<RelationModel[]> {
  // Field types are sorted once, where they are declared; keeping the same list keeps its cached key part.
  const query = { entityId, types: types && !isSorted(types) ? [...types].sort() : types, direction, first };
  return readAhead.relations.get(query) ?? loaders.relations.load(query);
}

function isSorted(list: readonly string[]): boolean {
  return list.every((item, index) => index === 0 || list[index - 1]! <= item);
}

/** The entity at the other end of a relation, seen from `entityId`. */
export function otherEnd(relation: RelationModel, entityId: string): string {
  return relation.fromId === entityId ? relation.toId : relation.fromId;
}

/** One entity by id, or null when there is none. */
export function loadEntityById({ loaders, readAhead }: Context, id: string): MaybePromise<EntityModel | null> {
  return readAhead.entities.get(id) ?? loaders.entity.load(id);
}

/** The entity at one end of a stored relation or excerpt, which exists; were it gone, the non-null field reports it. */
export function loadEnd(context: Context, id: string): MaybePromise<EntityModel> {
  return loadEntityById(context, id) as MaybePromise<EntityModel>;
}

/** Entities by id, in order, skipping ids that do not resolve. */
export function loadEntities({ loaders, readAhead }: Context, ids: readonly string[]): MaybePromise<EntityModel[]> {
  const held = ids.map((id) => readAhead.entities.get(id));
  if (held.every((entity) => entity !== undefined)) return held as EntityModel[];
  return loaders.entity
    .loadMany(ids)
    .then((entities) =>
      entities.filter((entity): entity is EntityModel => entity !== null && !(entity instanceof Error)),
    );
}

/** The relations a relation-backed field reads for `entityId`. */
export function loadFieldRelations(
  context: Context,
  entityId: string,
  { types, direction }: RelationShape,
): MaybePromise<RelationModel[]> {
  return loadRelations(context, entityId, types, direction);
}

/** The entities a relation-backed field answers for `entityId`: the other ends of its relations. */
export function loadRelated(context: Context, entityId: string, field: RelationShape): MaybePromise<EntityModel[]> {
  return whenLoaded(loadFieldRelations(context, entityId, field), (relations) =>
    loadEntities(
      context,
      relations.map((relation) => otherEnd(relation, entityId)),
    ),
  );
}

/** The first entity a relation-backed field answers for `entityId`, or null. */
export function loadFirstRelated(
  context: Context,
  entityId: string,
  field: RelationShape,
): MaybePromise<EntityModel | null> {
  return whenLoaded(loadRelated(context, entityId, field), (entities) => entities[0] ?? null);
}

/** An entity's unretracted attributes. */
export function loadAttributes({ loaders, readAhead }: Context, entityId: string): MaybePromise<AttributeModel[]> {
  return readAhead.attributes.get(entityId) ?? loaders.attributes.load(entityId);
}

/** The first value of an attribute, or null. */
export function loadAttributeValue(context: Context, entityId: string, key: string): MaybePromise<string | null> {
  return whenLoaded(
    loadAttributes(context, entityId),
    (attributes) => attributes.find((attribute) => attribute.key === key)?.value ?? null,
  );
}

/** The country a region lies in, or null. */
export function loadCountry({ loaders, readAhead }: Context, regionId: string): MaybePromise<EntityModel | null> {
  const held = readAhead.countries.get(regionId);
  return held !== undefined ? held : loaders.countryOfRegion.load(regionId);
}

/** One entity by id, reading `includes` around it in the same round trip (which primes `readAhead` with them). */
export async function loadEntity(context: Context, id: string, includes: EntityIncludes): Promise<EntityModel | null> {
  if (includesNothing(includes)) return loadEntityById(context, id);
  const [entity] = await context.repositories.entities.findByIdsIncluding([id], includes);
  return entity ?? null;
}

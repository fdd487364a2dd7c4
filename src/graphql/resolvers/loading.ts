import type { EntityModel } from '../../models/EntityModel.js';
import type { ExcerptModel } from '../../models/ExcerptModel.js';
import type { RelationModel } from '../../models/RelationModel.js';
import type { RelationDirection } from '../../repositories/createEntityRepository.js';
import { includesNothing, type EntityIncludes } from '../../repositories/EntityIncludes.js';
import type { Context } from '../context.js';
import { primeLoaders } from '../primeLoaders.js';
import { FIELD_RELATION_LIMIT, type RelationField } from '../relationFields.js';

/** The excerpts behind a fact, in the order stored; excerpts that no longer exist are skipped. */
export async function loadEvidence({ loaders }: Context, ids: readonly string[]): Promise<ExcerptModel[]> {
  const excerpts = await loaders.excerpt.loadMany(ids);
  return excerpts.filter((excerpt): excerpt is ExcerptModel => excerpt !== null && !(excerpt instanceof Error));
}

/** Relations of given types touching `entityId`. */
export function loadRelations(
  { loaders }: Context,
  entityId: string,
  types: readonly string[] | null,
  direction: RelationDirection,
  first = FIELD_RELATION_LIMIT,
): Promise<RelationModel[]> {
  return loaders.relations.load({ entityId, types: types ? [...types].sort() : null, direction, first });
}

/** The entity at the other end of a relation, seen from `entityId`. */
export function otherEnd(relation: RelationModel, entityId: string): string {
  return relation.fromId === entityId ? relation.toId : relation.fromId;
}

/** Entities by id, in order, skipping ids that do not resolve. */
export async function loadEntities({ loaders }: Context, ids: readonly string[]): Promise<EntityModel[]> {
  const entities = await loaders.entity.loadMany(ids);
  return entities.filter((entity): entity is EntityModel => entity !== null && !(entity instanceof Error));
}

/** The relations a relation-backed field reads for `entityId`. */
export function loadFieldRelations(context: Context, entityId: string, { types, direction }: RelationField): Promise<RelationModel[]> {
  return loadRelations(context, entityId, types, direction);
}

/** The entities a relation-backed field answers for `entityId`: the other ends of its relations. */
export async function loadRelated(context: Context, entityId: string, field: RelationField): Promise<EntityModel[]> {
  const relations = await loadFieldRelations(context, entityId, field);
  return loadEntities(context, relations.map((relation) => otherEnd(relation, entityId)));
}

/** The first value of an attribute, or null. */
export async function loadAttributeValue({ loaders }: Context, entityId: string, key: string): Promise<string | null> {
  const attributes = await loaders.attributes.load(entityId);
  return attributes.find((attribute) => attribute.key === key)?.value ?? null;
}

/** One entity by id, reading `includes` around it in the same round trip and priming the loaders with them. */
export async function loadEntity({ loaders, repositories }: Context, id: string, includes: EntityIncludes): Promise<EntityModel | null> {
  if (includesNothing(includes)) return loaders.entity.load(id);
  const { entities, reads } = await repositories.entities.findByIdsIncluding([id], includes);
  primeLoaders(loaders, reads);
  return entities[0] ?? null;
}

import type { AttributeModel } from './AttributeModel.js';
import type { EntityModel } from './EntityModel.js';
import type { ExcerptModel } from './ExcerptModel.js';
import type { RelationModel } from './RelationModel.js';
import type { RelationQuery } from '../domain/RelationQuery.js';

/** Reads made ahead of the resolvers that need them, one entry per loader key, ready to prime the loaders with. */
export interface PrefetchedReads {
  entities: EntityModel[];
  relations: { query: RelationQuery; relations: RelationModel[] }[];
  attributes: { entityId: string; attributes: AttributeModel[] }[];
  countries: { regionId: string; country: EntityModel | null }[];
  excerpts: ExcerptModel[];
}

export function emptyPrefetchedReads(): PrefetchedReads {
  return { entities: [], relations: [], attributes: [], countries: [], excerpts: [] };
}

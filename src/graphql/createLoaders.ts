import DataLoader from 'dataloader';
import type { AttributeModel } from '../models/AttributeModel.js';
import type { EntityModel } from '../models/EntityModel.js';
import type { ExcerptModel } from '../models/ExcerptModel.js';
import type { RelationModel } from '../models/RelationModel.js';
import type { Repositories } from '../repositories/createRepositories.js';
import type { RelationQuery, RelationsWithEnds } from '../repositories/createEntityRepository.js';

/** Per-request batching and caching of reads by key; build one set per request, never share across requests. */
export interface Loaders {
  entity: DataLoader<string, EntityModel | null>;
  excerpt: DataLoader<string, ExcerptModel | null>;
  attributes: DataLoader<string, AttributeModel[]>;
  relations: DataLoader<RelationQuery, RelationModel[], string>;
  /** The country a region lies in (by region id). */
  countryOfRegion: DataLoader<string, EntityModel | null>;
  /**
   * Values read ahead in this request (see `primeLoaders`), by the same keys: resolvers answer from here at once
   * instead of through a loader promise, which costs a turn of the event loop per field.
   */
  primed: PrimedValues;
}

export interface PrimedValues {
  entities: Map<string, EntityModel>;
  /** By `relationQueryKey`. */
  relations: Map<string, RelationModel[]>;
  attributes: Map<string, AttributeModel[]>;
  countries: Map<string, EntityModel | null>;
  excerpts: Map<string, ExcerptModel>;
}

/**
 * Relation, country and excerpt reads also return the entities they lead to (the other end, the country, the
 * quoted source) and prime the `entity` loader with them, so a nested `party { id name }`, `country { id name }`
 * or `evidence { source { id } }` costs no further round trip. Priming never overwrites an
 * entry already loaded in this request.
 */
export function createLoaders({ entities }: Repositories): Loaders {
  const entity = new DataLoader<string, EntityModel | null>((ids) => entities.findByIds(ids));
  const prime = (models: readonly (EntityModel | null)[]) => {
    for (const model of models) if (model) entity.prime(model.id, model);
  };
  return {
    entity,
    excerpt: new DataLoader(async (ids) => {
      const { excerpts, sources } = await entities.findExcerptsByIds(ids);
      prime(sources);
      return excerpts;
    }),
    attributes: new DataLoader((ids) => entities.findAttributesByEntityIds(ids)),
    relations: new DataLoader(
      loadRelationsGrouped(async (queries) => {
        const found = await entities.findRelations(queries);
        for (const { ends } of found) prime(ends);
        return found;
      }),
      { cacheKeyFn: relationQueryKey },
    ),
    countryOfRegion: new DataLoader(async (ids) => {
      const countries = await entities.findCountriesOfRegions(ids);
      prime(countries);
      return countries;
    }),
    primed: { entities: new Map(), relations: new Map(), attributes: new Map(), countries: new Map(), excerpts: new Map() },
  };
}

/** The relations loader's cache key. */
export function relationQueryKey(query: RelationQuery): string {
  return JSON.stringify([query.entityId, query.types, query.direction, query.first]);
}

/** One round trip per distinct (types, direction, first) among the batched keys; results in key order. */
function loadRelationsGrouped(find: (queries: readonly RelationQuery[]) => Promise<RelationsWithEnds[]>) {
  return async (queries: readonly RelationQuery[]): Promise<RelationModel[][]> => {
    const groups = new Map<string, number[]>();
    queries.forEach((query, index) => {
      const shape = JSON.stringify([query.types, query.direction, query.first]);
      groups.set(shape, [...(groups.get(shape) ?? []), index]);
    });
    const results: RelationModel[][] = new Array(queries.length);
    await Promise.all(
      [...groups.values()].map(async (indexes) => {
        const found = await find(indexes.map((index) => queries[index]!));
        indexes.forEach((queryIndex, position) => (results[queryIndex] = found[position]?.relations ?? []));
      }),
    );
    return results;
  };
}

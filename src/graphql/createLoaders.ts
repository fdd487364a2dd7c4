import DataLoader from 'dataloader';
import type { AttributeModel } from '../models/AttributeModel.js';
import type { EntityModel } from '../models/EntityModel.js';
import type { ExcerptModel } from '../models/ExcerptModel.js';
import type { RelationModel } from '../models/RelationModel.js';
import type { Repositories } from '../repositories/createRepositories.js';
import type { RelationQuery } from '../repositories/createEntityRepository.js';

/** Per-request batching and caching of reads by key; build one set per request, never share across requests. */
export interface Loaders {
  entity: DataLoader<string, EntityModel | null>;
  excerpt: DataLoader<string, ExcerptModel | null>;
  attributes: DataLoader<string, AttributeModel[]>;
  relations: DataLoader<RelationQuery, RelationModel[], string>;
  countryOfRegion: DataLoader<string, string | null>;
}

export function createLoaders({ entities }: Repositories): Loaders {
  return {
    entity: new DataLoader((ids) => entities.findByIds(ids)),
    excerpt: new DataLoader((ids) => entities.findExcerptsByIds(ids)),
    attributes: new DataLoader((ids) => entities.findAttributesByEntityIds(ids)),
    relations: new DataLoader(loadRelationsGrouped(entities.findRelations), { cacheKeyFn: relationQueryKey }),
    countryOfRegion: new DataLoader((ids) => entities.findCountryIdsOfRegions(ids)),
  };
}

function relationQueryKey(query: RelationQuery): string {
  return JSON.stringify([query.entityId, query.types, query.direction, query.first]);
}

/** One round trip per distinct (types, direction, first) among the batched keys; results in key order. */
function loadRelationsGrouped(find: (queries: readonly RelationQuery[]) => Promise<RelationModel[][]>) {
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
        indexes.forEach((queryIndex, position) => (results[queryIndex] = found[position] ?? []));
      }),
    );
    return results;
  };
}

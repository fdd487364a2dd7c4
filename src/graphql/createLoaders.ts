import DataLoader from 'dataloader';
import type { AttributeModel } from '../models/AttributeModel.js';
import type { EntityModel } from '../models/EntityModel.js';
import type { ExcerptModel } from '../models/ExcerptModel.js';
import { relationQueryKey, type ReadAheadCache, type ReadAheadTable } from '../models/ReadAheadCache.js';
import type { RelationModel } from '../models/RelationModel.js';
import type { Repositories } from '../repositories/createRepositories.js';
import type { RelationQuery } from '../domain/RelationQuery.js';

/** Per-request batching of reads by key; build one set per request, never share across requests. */
export interface Loaders {
  entity: DataLoader<string, EntityModel | null>;
  excerpt: DataLoader<string, ExcerptModel | null>;
  attributes: DataLoader<string, AttributeModel[]>;
  relations: DataLoader<RelationQuery, RelationModel[], string>;
  /** The country a region lies in (by region id). */
  countryOfRegion: DataLoader<string, EntityModel | null>;
}

/**
 * Each loader answers the keys `readAhead` holds from there and reads only the others; its own promises live in
 * `readAhead` too (`loads`), so that one `invalidate` forgets a key everywhere. The repositories were built with the
 * same `readAhead`: relation, country and excerpt reads prime it with the entities they lead to (the other end, the
 * country, the quoted source), so a nested `party { id name }`, `country { id name }` or
 * `evidence { source { id } }` costs no further round trip.
 */
export function createLoaders({ entities }: Repositories, readAhead: ReadAheadCache): Loaders {
  return {
    entity: new DataLoader(
      heldFirst(readAhead.entities, (ids) => entities.findByIds(ids)),
      { cacheMap: readAhead.entities.loads },
    ),
    excerpt: new DataLoader(
      heldFirst(readAhead.excerpts, (ids) => entities.findExcerptsByIds(ids)),
      { cacheMap: readAhead.excerpts.loads },
    ),
    attributes: new DataLoader(
      heldFirst(readAhead.attributes, (ids) => entities.findAttributesByEntityIds(ids)),
      { cacheMap: readAhead.attributes.loads },
    ),
    relations: new DataLoader(
      heldFirst(
        readAhead.relations,
        loadRelationsGrouped((queries) => entities.findRelations(queries)),
      ),
      {
        cacheKeyFn: relationQueryKey,
        cacheMap: readAhead.relations.loads,
      },
    ),
    countryOfRegion: new DataLoader(
      heldFirst(readAhead.countries, (ids) => entities.findCountriesOfRegions(ids)),
      { cacheMap: readAhead.countries.loads },
    ),
  };
}

/** A batch function answering the keys `held` has from there and the rest through `load`, in key order. */
function heldFirst<K, V, L>(
  held: Pick<ReadAheadTable<K, V, unknown>, 'get'>,
  load: (keys: readonly K[]) => Promise<readonly L[]>,
) {
  return async (keys: readonly K[]): Promise<(V | L)[]> => {
    const values = keys.map((key) => held.get(key));
    const missing = keys.filter((_, index) => values[index] === undefined);
    const loaded = missing.length > 0 ? await load(missing) : [];
    let next = 0;
    return values.map((value) => (value !== undefined ? value : loaded[next++]!));
  };
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

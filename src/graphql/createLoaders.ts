import DataLoader from 'dataloader';
import type { AttributeModel } from '../models/AttributeModel.js';
import type { EntityModel } from '../models/EntityModel.js';
import type { ExcerptModel } from '../models/ExcerptModel.js';
import type { RelationModel } from '../models/RelationModel.js';
import type { Repositories } from '../repositories/createRepositories.js';
import type { RelationQuery } from '../domain/RelationQuery.js';
import type { RelationsWithEnds } from '../repositories/createEntityRepository.js';

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
 * quoted source) and put them into `primed.entities`, so a nested `party { id name }`, `country { id name }` or
 * `evidence { source { id } }` costs no further round trip. Each loader answers keys held in `primed` from there
 * and reads only the others. A primed entry is never overwritten.
 */
export function createLoaders({ entities }: Repositories): Loaders {
  const primed: PrimedValues = { entities: new Map(), relations: new Map(), attributes: new Map(), countries: new Map(), excerpts: new Map() };
  const prime = (models: readonly (EntityModel | null)[]) => {
    for (const model of models) if (model) primeIfAbsent(primed.entities, model.id, model);
  };
  return {
    entity: new DataLoader(primedFirst(primed.entities, (id) => id, (ids) => entities.findByIds(ids))),
    excerpt: new DataLoader(
      primedFirst(primed.excerpts, (id) => id, async (ids) => {
        const { excerpts, sources } = await entities.findExcerptsByIds(ids);
        prime(sources);
        return excerpts;
      }),
    ),
    attributes: new DataLoader(primedFirst(primed.attributes, (id) => id, (ids) => entities.findAttributesByEntityIds(ids))),
    relations: new DataLoader(
      primedFirst(
        primed.relations,
        relationQueryKey,
        loadRelationsGrouped(async (queries) => {
          const found = await entities.findRelations(queries);
          for (const { ends } of found) prime(ends);
          return found;
        }),
      ),
      { cacheKeyFn: relationQueryKey },
    ),
    countryOfRegion: new DataLoader(
      primedFirst(primed.countries, (id) => id, async (ids) => {
        const countries = await entities.findCountriesOfRegions(ids);
        prime(countries);
        return countries;
      }),
    ),
    primed,
  };
}

/** Holds `value` under `key` unless a value is held already: what a request read first stays what it answers. */
export function primeIfAbsent<V>(primed: Map<string, V>, key: string, value: V): void {
  if (!primed.has(key)) primed.set(key, value);
}

/** A batch function answering the keys held in `primed` from there and the rest through `load`, in key order. */
function primedFirst<K, V>(primed: Map<string, V>, keyOf: (key: K) => string, load: (keys: readonly K[]) => Promise<readonly V[]>) {
  return async (keys: readonly K[]): Promise<V[]> => {
    const held = keys.map((key) => primed.get(keyOf(key)));
    const missing = keys.filter((_, index) => held[index] === undefined);
    const loaded = missing.length > 0 ? await load(missing) : [];
    let next = 0;
    return held.map((value) => (value !== undefined ? value : loaded[next++]!));
  };
}

/** The relations loader's cache key. */
export function relationQueryKey({ entityId, types, direction, first }: RelationQuery): string {
  // Built for every relation field of every entity in an answer, so the types' part is made once per list.
  return `${types === null ? 'null' : typesKey(types)}|${direction}|${first}|${entityId}`;
}

const typesKeys = new WeakMap<readonly string[], string>();

/** A JSON array, which ends where it ends: the key's parts cannot run into each other. */
function typesKey(types: readonly string[]): string {
  let key = typesKeys.get(types);
  if (key === undefined) typesKeys.set(types, (key = JSON.stringify(types)));
  return key;
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

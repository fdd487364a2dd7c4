import type { RelationQuery } from '../domain/RelationQuery.js';
import type { AttributeModel } from './AttributeModel.js';
import type { EntityModel } from './EntityModel.js';
import type { ExcerptModel } from './ExcerptModel.js';
import type { RelationModel } from './RelationModel.js';

/** The values of one kind read in a request, by key. */
export interface ReadAheadTable<K, V, Loaded = V> {
  /** The value held for `key`, read ahead or loaded; undefined when none is. */
  get(key: K): V | undefined;
  /** Holds `value` for `key` unless a value is held already: what a request read first stays what it answers. */
  prime(key: K, value: V): void;
  /** Forgets `key`'s value and load, so that the next read goes to the database (after a write). */
  invalidate(key: K): void;
  /** The loader's promises by cache key (its `cacheMap`): kept here so that `invalidate` forgets both at once. */
  readonly loads: Map<string, Promise<Loaded>>;
}

/**
 * What one request has read, held for the resolvers that need it: statements that read ahead (a field's whole
 * selection in one round trip) prime it as they decode their rows, loaders answer from it first and batch only the
 * rest, and resolvers take a held value at once instead of through a loader promise, which costs a turn of the
 * event loop per field. Build one per request, before its context; never share it between requests.
 */
export interface ReadAheadCache {
  /** Entities by id: a read-ahead entity, or the entity at the other end of a relation, a country or a quoted source. */
  readonly entities: ReadAheadTable<string, EntityModel, EntityModel | null>;
  /** Relations of one entity by `relationQueryKey`. */
  readonly relations: ReadAheadTable<RelationQuery, RelationModel[]>;
  /** An entity's unretracted attributes, by entity id. */
  readonly attributes: ReadAheadTable<string, AttributeModel[]>;
  /** The country a region lies in (null: none), by region id. */
  readonly countries: ReadAheadTable<string, EntityModel | null>;
  /** Excerpts by id. */
  readonly excerpts: ReadAheadTable<string, ExcerptModel, ExcerptModel | null>;
}

export function createReadAheadCache(): ReadAheadCache {
  const byId = (id: string) => id;
  return {
    entities: createTable(byId),
    relations: createTable(relationQueryKey),
    attributes: createTable(byId),
    countries: createTable(byId),
    excerpts: createTable(byId),
  };
}

function createTable<K, V, Loaded>(keyOf: (key: K) => string): ReadAheadTable<K, V, Loaded> {
  const values = new Map<string, V>();
  const loads = new Map<string, Promise<Loaded>>();
  return {
    get: (key) => values.get(keyOf(key)),
    prime(key, value) {
      const held = keyOf(key);
      if (!values.has(held)) values.set(held, value);
    },
    invalidate(key) {
      const held = keyOf(key);
      values.delete(held);
      loads.delete(held);
    },
    loads,
  };
}

/** The key relations are held and loaded by. */
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

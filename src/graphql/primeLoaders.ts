import type { PrefetchedReads } from '../models/PrefetchedReads.js';
import { relationQueryKey, type Loaders } from './createLoaders.js';

/** Primes this request's loaders (their `primed` values) with reads made ahead; an entry already held is kept. */
export function primeLoaders(loaders: Loaders, reads: PrefetchedReads): void {
  const { primed } = loaders;
  for (const entity of reads.entities) {
    if (!primed.entities.has(entity.id)) primed.entities.set(entity.id, entity);
  }
  for (const { query, relations } of reads.relations) {
    const key = relationQueryKey(query);
    if (!primed.relations.has(key)) primed.relations.set(key, relations);
  }
  for (const { entityId, attributes } of reads.attributes) {
    if (!primed.attributes.has(entityId)) primed.attributes.set(entityId, attributes);
  }
  for (const { regionId, country } of reads.countries) {
    if (!primed.countries.has(regionId)) primed.countries.set(regionId, country);
  }
  for (const excerpt of reads.excerpts) {
    if (!primed.excerpts.has(excerpt.id)) primed.excerpts.set(excerpt.id, excerpt);
  }
}

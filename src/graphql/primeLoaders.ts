import type { PrefetchedReads } from '../models/PrefetchedReads.js';
import { relationQueryKey, type Loaders } from './createLoaders.js';

/** Primes this request's loaders, and their `primed` values, with reads made ahead; an entry already held is kept. */
export function primeLoaders(loaders: Loaders, reads: PrefetchedReads): void {
  const { primed } = loaders;
  for (const entity of reads.entities) {
    loaders.entity.prime(entity.id, entity);
    if (!primed.entities.has(entity.id)) primed.entities.set(entity.id, entity);
  }
  for (const { query, relations } of reads.relations) {
    loaders.relations.prime(query, relations);
    const key = relationQueryKey(query);
    if (!primed.relations.has(key)) primed.relations.set(key, relations);
  }
  for (const { entityId, attributes } of reads.attributes) {
    loaders.attributes.prime(entityId, attributes);
    if (!primed.attributes.has(entityId)) primed.attributes.set(entityId, attributes);
  }
  for (const { regionId, country } of reads.countries) {
    loaders.countryOfRegion.prime(regionId, country);
    if (!primed.countries.has(regionId)) primed.countries.set(regionId, country);
  }
  for (const excerpt of reads.excerpts) {
    loaders.excerpt.prime(excerpt.id, excerpt);
    if (!primed.excerpts.has(excerpt.id)) primed.excerpts.set(excerpt.id, excerpt);
  }
}

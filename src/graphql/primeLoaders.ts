import type { PrefetchedReads } from '../models/PrefetchedReads.js';
import type { Loaders } from './createLoaders.js';

/** Primes this request's loaders with reads made ahead; an entry a loader already holds is kept. */
export function primeLoaders(loaders: Loaders, reads: PrefetchedReads): void {
  for (const entity of reads.entities) loaders.entity.prime(entity.id, entity);
  for (const { query, relations } of reads.relations) loaders.relations.prime(query, relations);
  for (const { entityId, attributes } of reads.attributes) loaders.attributes.prime(entityId, attributes);
  for (const { regionId, country } of reads.countries) loaders.countryOfRegion.prime(regionId, country);
  for (const excerpt of reads.excerpts) loaders.excerpt.prime(excerpt.id, excerpt);
}

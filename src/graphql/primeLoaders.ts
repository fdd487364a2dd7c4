import type { PrefetchedReads } from '../models/PrefetchedReads.js';
import { primeIfAbsent, relationQueryKey, type Loaders } from './createLoaders.js';

/** Primes this request's loaders (their `primed` values) with reads made ahead; an entry already held is kept. */
export function primeLoaders(loaders: Loaders, reads: PrefetchedReads): void {
  const { primed } = loaders;
  for (const entity of reads.entities) primeIfAbsent(primed.entities, entity.id, entity);
  for (const { query, relations } of reads.relations) primeIfAbsent(primed.relations, relationQueryKey(query), relations);
  for (const { entityId, attributes } of reads.attributes) primeIfAbsent(primed.attributes, entityId, attributes);
  for (const { regionId, country } of reads.countries) primeIfAbsent(primed.countries, regionId, country);
  for (const excerpt of reads.excerpts) primeIfAbsent(primed.excerpts, excerpt.id, excerpt);
}

import type { Database } from '../neo4j/Database.js';
import { createAgreementRepository, type AgreementRepository } from './createAgreementRepository.js';
import { createEntityRepository, type EntityRepository } from './createEntityRepository.js';
import { createGraphRepository, type GraphRepository } from './createGraphRepository.js';
import { createLinkRepository, type LinkRepository } from './createLinkRepository.js';
import { createSearchRepository, type SearchRepository } from './createSearchRepository.js';
import type { ReadAheadCache } from '../models/ReadAheadCache.js';
import type { ProjectionShape } from './ProjectionShape.js';

/** All repositories over one request's Database. */
export interface Repositories {
  entities: EntityRepository;
  search: SearchRepository;
  agreements: AgreementRepository;
  graph: GraphRepository;
  links: LinkRepository;
}

/**
 * `shape` may be narrowed after this call, before the first read (see `ProjectionShape`); what the reads bring
 * along primes `readAhead`, the request's own.
 */
export function createRepositories(db: Database, shape: ProjectionShape, readAhead: ReadAheadCache): Repositories {
  return {
    entities: createEntityRepository(db, shape, readAhead),
    search: createSearchRepository(db, shape),
    agreements: createAgreementRepository(db, shape, readAhead),
    graph: createGraphRepository(db, shape),
    links: createLinkRepository(db),
  };
}

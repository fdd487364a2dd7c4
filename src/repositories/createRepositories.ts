import type { Database } from '../neo4j/Database.js';
import { createAgreementRepository, type AgreementRepository } from './createAgreementRepository.js';
import { createEntityRepository, type EntityRepository } from './createEntityRepository.js';
import { createGraphRepository, type GraphRepository } from './createGraphRepository.js';
import { createLinkRepository, type LinkRepository } from './createLinkRepository.js';
import { createSearchRepository, type SearchRepository } from './createSearchRepository.js';
import { FULL_PROJECTION, type ProjectionShape } from './ProjectionShape.js';

/** All repositories over one request's Database. */
export interface Repositories {
  entities: EntityRepository;
  search: SearchRepository;
  agreements: AgreementRepository;
  graph: GraphRepository;
  links: LinkRepository;
}

/** `shape` may be narrowed after this call, before the first read (see `ProjectionShape`). */
export function createRepositories(db: Database, shape: ProjectionShape = FULL_PROJECTION): Repositories {
  return {
    entities: createEntityRepository(db, shape),
    search: createSearchRepository(db, shape),
    agreements: createAgreementRepository(db, shape),
    graph: createGraphRepository(db, shape),
    links: createLinkRepository(db),
  };
}

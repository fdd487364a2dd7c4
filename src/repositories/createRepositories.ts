import type { Database } from '../neo4j/Database.js';
import { createAgreementRepository, type AgreementRepository } from './createAgreementRepository.js';
import { createEntityRepository, type EntityRepository } from './createEntityRepository.js';
import { createGraphRepository, type GraphRepository } from './createGraphRepository.js';
import { createSearchRepository, type SearchRepository } from './createSearchRepository.js';

/** All repositories over one request's Database. */
export interface Repositories {
  entities: EntityRepository;
  search: SearchRepository;
  agreements: AgreementRepository;
  graph: GraphRepository;
}

export function createRepositories(db: Database): Repositories {
  return {
    entities: createEntityRepository(db),
    search: createSearchRepository(db),
    agreements: createAgreementRepository(db),
    graph: createGraphRepository(db),
  };
}

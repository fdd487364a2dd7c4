import type { Principal } from '../auth/Principal.js';
import type { Database } from '../neo4j/Database.js';
import type { Loaders } from './createLoaders.js';
import type { Repositories } from '../repositories/createRepositories.js';

/** What every resolver receives; built fresh for each request. */
export interface Context {
  db: Database;
  repositories: Repositories;
  loaders: Loaders;
  /** Who sent the request, from a verified bearer token; null for anonymous reads. */
  principal: Principal | null;
}

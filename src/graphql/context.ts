import type { Database } from '../neo4j/Database.js';
import type { Loaders } from './createLoaders.js';
import type { Repositories } from '../repositories/createRepositories.js';

/** What every resolver receives; built fresh for each request. */
export interface Context {
  db: Database;
  repositories: Repositories;
  loaders: Loaders;
}

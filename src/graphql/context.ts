import type { Principal } from '../auth/Principal.js';
import type { ChangeFeed } from '../changes/createChangeFeed.js';
import type { Database } from '../neo4j/Database.js';
import type { ReadAheadCache } from '../models/ReadAheadCache.js';
import type { NameNormalizer } from '../nlp/createNameNormalizer.js';
import type { NlpClient } from '../nlp/NlpClient.js';
import type { Loaders } from './createLoaders.js';
import type { Repositories } from '../repositories/createRepositories.js';
import type { ProjectionShape } from '../repositories/ProjectionShape.js';

/** What every resolver receives; built fresh for each request. */
export interface Context {
  db: Database;
  repositories: Repositories;
  loaders: Loaders;
  /** What this request has read, by key: the loaders and the read-ahead statements fill it, resolvers answer from it. */
  readAhead: ReadAheadCache;
  /** What the repositories fetch of entities and relations; narrowed to the operation before it runs. */
  projection: ProjectionShape;
  /** Who sent the request, from a verified bearer token; null for anonymous reads. */
  principal: Principal | null;
  /** The cost limit of this operation when it is not the server's: exports, whose query and arguments the server fixes. */
  maxCost?: number;
  /** Dictionary forms of search queries, through the text-analysis worker; null or absent: names as written only. */
  nameNormalizer?: NameNormalizer | null;
  /** The change feed, on subscriptions (WebSocket and server-sent events) only. */
  changeFeed?: ChangeFeed;
  /** The text-analysis worker, for `analyzeText`; null or absent: analysis answers SERVICE_UNAVAILABLE. */
  nlp?: NlpClient | null;
}

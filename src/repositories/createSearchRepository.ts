import { badUserInput } from '../errors.js';
import type { Database } from '../neo4j/Database.js';
import type { SearchHitModel } from '../models/SearchHitModel.js';
import type { EntityKindName } from '../domain/entityKinds.js';
import { entityProjection, toEntityModel, type EntityRow } from './entityProjection.js';
import { FULL_PROJECTION, type ProjectionShape } from './ProjectionShape.js';

export interface SearchOptions {
  /** Normalized by `normalizeName`: the whole query as one key. */
  key: string;
  /** Built by `toLuceneQuery` from the same key. */
  lucene: string;
  kinds: readonly EntityKindName[] | null;
  first: number;
}

/** Full-text search over name keys; an exact name or alias match ranks above any partial one. */
export interface SearchRepository {
  search(options: SearchOptions): Promise<SearchHitModel[]>;
}

const EXACT_MATCH_BONUS = 100;

/**
 * Lucene refuses a query whose words expand into more than 1,024 clauses. `toSearchKey` bounds the words so that
 * this cannot happen; should an index ever hold enough similar terms, the client still hears it asked too much.
 */
function isTooManyClauses(error: unknown): boolean {
  return error instanceof Error && /TooManyClauses|maxClauseCount/.test(error.message);
}

export function createSearchRepository(db: Database, shape: ProjectionShape = FULL_PROJECTION): SearchRepository {
  return {
    async search({ key, lucene, kinds, first }) {
      let rows: { n: EntityRow; score: number }[];
      try {
        rows = await db.read<{ n: EntityRow; score: number }>(
          `CALL db.index.fulltext.queryNodes('entity_search', $lucene, {limit: $candidates}) YIELD node AS n, score
           WHERE n.retractedAt IS NULL AND ($kinds IS NULL OR n.kind IN $kinds)
           WITH n, score + CASE WHEN $key IN n.searchKeys THEN $bonus ELSE 0 END AS score
           ORDER BY score DESC, n.id
           LIMIT $first
           RETURN ${entityProjection('n', shape)} AS n, score`,
          { lucene, key, kinds, first, candidates: Math.max(50, first * 5), bonus: EXACT_MATCH_BONUS },
        );
      } catch (error) {
        if (isTooManyClauses(error)) throw badUserInput('query', 'fewer or more distinctive words', `${key.split(' ').length} words`);
        throw error;
      }
      return rows.map((row) => ({ entity: toEntityModel(row.n), score: row.score }));
    },
  };
}

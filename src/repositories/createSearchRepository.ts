import { distance } from 'fastest-levenshtein';
import { badUserInput } from '../errors.js';
import type { Database } from '../neo4j/Database.js';
import type { SearchHitModel } from '../models/SearchHitModel.js';
import type { EntityKindName } from '../domain/entityKinds.js';
import { entityProjection, toEntityModel, type EntityRow } from './entityProjection.js';
import { FULL_PROJECTION, type ProjectionShape } from './ProjectionShape.js';

export interface SearchOptions {
  /** Normalized by `normalizeName`: the whole query as one key. */
  key: string;
  /** The query's dictionary-form key (see `normalizeSearchQuery`), matched against `lemmaKeys`; null: none. */
  lemmaKey: string | null;
  /** Built by `toLuceneQuery`; escaped. */
  lucene: string;
  kinds: readonly EntityKindName[] | null;
  first: number;
}

/**
 * Full-text search over name keys. A name or alias that matches the whole query, as written or in its dictionary
 * form, scores FULL_MATCH_SCORE, whichever way it matched; partial matches score below it.
 */
export interface SearchRepository {
  search(options: SearchOptions): Promise<SearchHitModel[]>;
}

/** The score of a whole-query match; partial matches map their full-text score into [0, FULL_MATCH_SCORE). */
export const FULL_MATCH_SCORE = 100;
/**
 * The score of a name or alias one or two typing slips away from the whole query (`Krasnogorks` for Krasnogorsk): it
 * matches the whole query, so it ranks above every partial match, and below an exact one.
 */
export const NEAR_MATCH_SCORE = 95;
/** The full-text score a partial match needs to score FULL_MATCH_SCORE / 2. */
const HALF_SCORE = 10;

/**
 * Lucene refuses a query whose words expand into more than 1,024 clauses. `toSearchKey` bounds the words so that
 * this cannot happen; should an index ever hold enough similar terms, the client still hears it asked too much.
 */
/** Keys of at least six characters within one edit (two from ten characters on) of each other. */
function nearlyEqual(stored: string, key: string): boolean {
  if (key.length < 6 || Math.abs(stored.length - key.length) > 2) return false;
  return distance(stored, key) <= (key.length >= 10 ? 2 : 1);
}

function isTooManyClauses(error: unknown): boolean {
  return error instanceof Error && /TooManyClauses|maxClauseCount/.test(error.message);
}

export function createSearchRepository(db: Database, shape: ProjectionShape = FULL_PROJECTION): SearchRepository {
  return {
    async search({ key, lemmaKey, lucene, kinds, first }) {
      let rows: { n: EntityRow; score: number; keys: string[] }[];
      try {
        // Whole-query matches hold every query word in their search text, so they are among the candidates.
        rows = await db.read<{ n: EntityRow; score: number; keys: string[] }>(
          `CALL db.index.fulltext.queryNodes('entity_search', $lucene, {limit: $candidates}) YIELD node AS n, score AS textScore
           WHERE n.retractedAt IS NULL AND ($kinds IS NULL OR n.kind IN $kinds)
           WITH n, textScore, $key IN n.searchKeys OR $lemmaKey IN coalesce(n.lemmaKeys, []) AS full
           WITH n, textScore, CASE WHEN full THEN $fullScore ELSE $fullScore * textScore / (textScore + $halfScore) END AS score
           ORDER BY score DESC, textScore DESC, n.id
           RETURN ${entityProjection('n', shape)} AS n, score, CASE WHEN score < $fullScore THEN n.searchKeys ELSE [] END AS keys`,
          {
            lucene,
            key,
            lemmaKey,
            kinds,
            first,
            candidates: Math.max(50, first * 5),
            fullScore: FULL_MATCH_SCORE,
            halfScore: HALF_SCORE,
          },
        );
      } catch (error) {
        if (isTooManyClauses(error))
          throw badUserInput('query', 'fewer or more distinctive words', `${key.split(' ').length} words`);
        throw error;
      }
      // Candidates are few (at most `candidates`), and they keep their order among equal scores: a stable sort.
      return rows
        .map((row) => ({
          entity: toEntityModel(row.n),
          score: row.keys.some((stored) => nearlyEqual(stored, key)) ? NEAR_MATCH_SCORE : row.score,
        }))
        .sort((a, b) => b.score - a.score)
        .slice(0, first);
    },
  };
}

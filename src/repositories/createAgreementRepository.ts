import type { Database } from '../neo4j/Database.js';
import type { EntityModel } from '../models/EntityModel.js';
import { ENTITY_PROJECTION, toEntityModel, type EntityRow } from './entityProjection.js';

/** Conditions on agreements; all given ones must hold. Dates are ISO-8601 strings. */
export interface AgreementQuery {
  partyId: string | null;
  signatoryId: string | null;
  eventId: string | null;
  placeId: string | null;
  signedFrom: string | null;
  signedTo: string | null;
  /** Normalized words that must all occur in the agreement's name keys. */
  words: string[] | null;
  /** Position after which the page starts; see `AgreementPosition`. */
  after: AgreementPosition | null;
  first: number;
}

/** Agreements sort by signing date, newest first (undated last), then by id. */
export interface AgreementPosition {
  signedOn: string;
  id: string;
}

export interface AgreementRow {
  agreement: EntityModel;
  position: AgreementPosition;
}

export interface AgreementRepository {
  /** Up to `first + 1` agreements after the position, so callers can tell whether another page follows. */
  findPage(query: AgreementQuery): Promise<{ rows: AgreementRow[]; totalCount: number }>;
}

// Undated agreements sort after every dated one under DESC order.
const SORT_KEY =
  "coalesce(head(COLLECT { MATCH (a:Attribute {entityId: n.id, key: 'signedOn'}) WHERE a.retractedAt IS NULL RETURN a.value }), '')";

const FILTER = `n.retractedAt IS NULL
  AND ($partyId IS NULL OR EXISTS { (:Entity {id: $partyId})-[p:PARTY_TO]->(n) WHERE p.retractedAt IS NULL })
  AND ($signatoryId IS NULL OR EXISTS { (:Entity {id: $signatoryId})-[s:SIGNATORY_OF]->(n) WHERE s.retractedAt IS NULL })
  AND ($eventId IS NULL OR EXISTS { (n)-[e:SIGNED_AT]->(:Entity {id: $eventId}) WHERE e.retractedAt IS NULL })
  AND ($placeId IS NULL
       OR EXISTS { (n)-[:SIGNED_AT]->(:Event)-[:HELD_IN]->(:Entity)-[:PART_OF*0..4]->(:Entity {id: $placeId}) }
       OR EXISTS { (n)-[:CONCERNS]->(:Entity)-[:LOCATED_IN]->(:Entity)-[:PART_OF*0..4]->(:Entity {id: $placeId}) })
  AND ($words IS NULL OR all(word IN $words WHERE n.searchText CONTAINS word))`;

const DATE_FILTER = `($signedFrom IS NULL OR (sortKey <> '' AND sortKey >= $signedFrom))
  AND ($signedTo IS NULL OR (sortKey <> '' AND sortKey <= $signedTo))`;

/**
 * Where the search starts: from the most selective given filter's entity instead of every agreement. The other
 * conditions of FILTER still hold; the anchor only narrows the candidates the planner has to visit.
 */
function anchor(query: AgreementQuery): string {
  if (query.partyId !== null) return '(:Entity {id: $partyId})-[:PARTY_TO]->(n:Agreement)';
  if (query.signatoryId !== null) return '(:Entity {id: $signatoryId})-[:SIGNATORY_OF]->(n:Agreement)';
  if (query.eventId !== null) return '(n:Agreement)-[:SIGNED_AT]->(:Entity {id: $eventId})';
  return '(n:Agreement)';
}

export function createAgreementRepository(db: Database): AgreementRepository {
  return {
    async findPage(query) {
      const { after, ...parameters } = query;
      const dated = query.signedFrom !== null || query.signedTo !== null;
      // Several relations can join the anchor to one agreement; DISTINCT keeps each agreement once.
      const candidates = `MATCH ${anchor(query)} WHERE ${FILTER} WITH DISTINCT n`;
      const rows = await db.read<{ totalCount: number; page: { n: EntityRow; sortKey: string }[] }>(
        `CALL () {
           ${candidates}
           ${dated ? `WITH n, ${SORT_KEY} AS sortKey WHERE ${DATE_FILTER}` : ''}
           RETURN count(n) AS totalCount
         }
         CALL () {
           ${candidates}
           WITH n, ${SORT_KEY} AS sortKey WHERE ${DATE_FILTER}
             AND ($afterKey IS NULL OR sortKey < $afterKey OR (sortKey = $afterKey AND n.id > $afterId))
           WITH n, sortKey ORDER BY sortKey DESC, n.id LIMIT $limit
           RETURN collect({n: ${ENTITY_PROJECTION}, sortKey: sortKey}) AS page
         }
         RETURN totalCount, page`,
        { ...parameters, afterKey: after?.signedOn ?? null, afterId: after?.id ?? null, limit: query.first + 1 },
      );
      const result = rows[0];
      if (!result) return { rows: [], totalCount: 0 };
      return {
        totalCount: result.totalCount,
        rows: result.page.map(({ n, sortKey }) => ({ agreement: toEntityModel(n), position: { signedOn: sortKey, id: n.id } })),
      };
    },
  };
}

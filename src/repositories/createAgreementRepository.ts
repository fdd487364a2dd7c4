import type { Database } from '../neo4j/Database.js';
import type { AgreementPosition } from '../models/AgreementPageModel.js';
import type { EntityModel } from '../models/EntityModel.js';
import type { ReadAheadCache } from '../models/ReadAheadCache.js';
import { defineColumns, type Row } from './defineColumns.js';
import type { EntityIncludes } from './EntityIncludes.js';
import type { ProjectionShape } from './ProjectionShape.js';
import type { EntityRow } from './entityProjection.js';
import {
  createCypherScope,
  includedEntity,
  includedEntityId,
  includedSources,
  readIncluded,
  readSources,
  type IncludedRow,
} from './includeCypher.js';

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
  /** Whether to count every matching agreement too (only when the client asks for `totalCount`). */
  withTotalCount: boolean;
}

export interface AgreementRow {
  agreement: EntityModel;
  position: AgreementPosition;
}

export interface AgreementRepository {
  /**
   * Up to `first + 1` agreements after the position, so callers can tell whether another page follows, and in the
   * same round trip what `includes` asks for around each of them, which primes the request's `ReadAheadCache`.
   */
  findPage(
    query: AgreementQuery,
    includes: EntityIncludes,
  ): Promise<{ rows: AgreementRow[]; totalCount: number | null }>;
}

/** An agreement of a page: its sort key (the position a cursor names) and what `includedEntity` lists of it. */
interface PageColumns {
  sortKey: string;
  entity: IncludedRow;
}

const PAGE_COLUMNS = defineColumns<PageColumns>({ sortKey: 'always', entity: 'always' });

type PageRow = Row<PageColumns>;

// Undated agreements sort after every dated one under DESC order. `signedOn` is kept on the node by the writers
// (see signedOnProperty.ts), so the key is a property read, not a subquery per agreement.
const SORT_KEY = "coalesce(n.signedOn, '')";

/**
 * The conditions of the given filters only: a condition such as `$partyId IS NULL OR EXISTS {…}` for an absent
 * filter still costs the planner a SelectOrSemiApply per candidate (30,000 at scale 100). Each shape of filters is
 * its own cached plan; values stay parameters.
 */
function conditions(query: AgreementQuery, anchored: AnchorFilter | null): string {
  const parts = ['n.retractedAt IS NULL'];
  if (query.partyId !== null && anchored !== 'partyId') {
    parts.push('EXISTS { (:Entity {id: $partyId})-[p:PARTY_TO]->(n) WHERE p.retractedAt IS NULL }');
  }
  if (query.signatoryId !== null && anchored !== 'signatoryId') {
    parts.push('EXISTS { (:Entity {id: $signatoryId})-[s:SIGNATORY_OF]->(n) WHERE s.retractedAt IS NULL }');
  }
  if (query.eventId !== null && anchored !== 'eventId') {
    parts.push('EXISTS { (n)-[e:SIGNED_AT]->(:Entity {id: $eventId}) WHERE e.retractedAt IS NULL }');
  }
  if (query.placeId !== null) {
    parts.push(`(EXISTS { (n)-[:SIGNED_AT]->(:Event)-[:HELD_IN]->(:Entity)-[:PART_OF*0..4]->(:Entity {id: $placeId}) }
       OR EXISTS { (n)-[:CONCERNS]->(:Entity)-[:LOCATED_IN]->(:Entity)-[:PART_OF*0..4]->(:Entity {id: $placeId}) })`);
  }
  if (query.words !== null) parts.push('all(word IN $words WHERE n.searchText CONTAINS word)');
  return parts.join('\n  AND ');
}

function dateConditions(query: AgreementQuery): string[] {
  const parts: string[] = [];
  // A date known only roughly matches when its whole interval lies in the range: its first possible day
  // (`signedEarliest`, null when unbounded) is on or after `signedFrom`, its last (`signedOn`) on or before `signedTo`.
  // `sortKey >= $signedFrom` is implied (earliest <= latest) but lets the page read a range of the index.
  if (query.signedFrom !== null)
    parts.push("sortKey <> '' AND sortKey >= $signedFrom AND n.signedEarliest >= $signedFrom");
  if (query.signedTo !== null) parts.push("sortKey <> '' AND sortKey <= $signedTo");
  return parts;
}

type AnchorFilter = 'partyId' | 'signatoryId' | 'eventId';

/**
 * Where the search starts: from the most selective given filter's entity instead of every agreement, checking
 * that filter's relation is not retracted on the way. The other given conditions still hold.
 */
function anchor(query: AgreementQuery): { pattern: string; anchored: AnchorFilter | null } {
  if (query.partyId !== null)
    return {
      pattern: '(:Entity {id: $partyId})-[p:PARTY_TO]->(n:Agreement) WHERE p.retractedAt IS NULL AND',
      anchored: 'partyId',
    };
  if (query.signatoryId !== null) {
    return {
      pattern: '(:Entity {id: $signatoryId})-[s:SIGNATORY_OF]->(n:Agreement) WHERE s.retractedAt IS NULL AND',
      anchored: 'signatoryId',
    };
  }
  if (query.eventId !== null)
    return {
      pattern: '(n:Agreement)-[e:SIGNED_AT]->(:Entity {id: $eventId}) WHERE e.retractedAt IS NULL AND',
      anchored: 'eventId',
    };
  return { pattern: '(n:Agreement) WHERE', anchored: null };
}

/** A page among the few agreements an anchor reaches: sort them all. Binds `page` to the agreements in page order. */
function anchoredPage(candidates: string, dates: string[], after: boolean): string {
  const where = [...dates];
  if (after) where.push('(sortKey < $afterKey OR (sortKey = $afterKey AND n.id > $afterId))');
  return `CALL () {
    ${candidates}
    WITH n, ${SORT_KEY} AS sortKey ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
    WITH n, sortKey ORDER BY sortKey DESC, n.id LIMIT $limit
    RETURN collect(n) AS page
  }`;
}

/**
 * A page among all agreements, read in order from the `agreement_signed_on` index (a PartialTop that stops after
 * `$limit` rows instead of sorting every agreement); undated agreements, which sort last, are only scanned when
 * the dated ones do not fill the page. Binds `page` like `anchoredPage`.
 */
function indexedPage(filters: string, dates: string[], after: boolean): string {
  // `> ''` also reads from the index; an empty value sorts with the undated ones, as under SORT_KEY.
  const dated = [
    "n.signedOn > ''",
    filters,
    ...dates.map((condition) => condition.replaceAll('sortKey', 'n.signedOn')),
  ];
  if (after) dated.push('(n.signedOn < $afterKey OR (n.signedOn = $afterKey AND n.id > $afterId))');
  // A date filter excludes undated agreements; after a dated position every undated one follows.
  const undated =
    dates.length > 0
      ? 'WITH dated, [] AS undated'
      : `OPTIONAL CALL (dated) {
           WITH dated WHERE size(dated) < $limit
           MATCH (n:Agreement) WHERE coalesce(n.signedOn, '') = '' AND ${filters}${after ? " AND ($afterKey <> '' OR n.id > $afterId)" : ''}
           WITH n ORDER BY n.id LIMIT $limit
           RETURN collect(n) AS undated
         }`;
  return `CALL () {
    CALL () {
      MATCH (n:Agreement) WHERE ${dated.join(' AND ')}
      WITH n ORDER BY n.signedOn DESC, n.id LIMIT $limit
      RETURN collect(n) AS dated
    }
    ${undated}
    RETURN (dated + coalesce(undated, []))[0..$limit] AS page
  }`;
}

export function createAgreementRepository(
  db: Database,
  shape: ProjectionShape,
  readAhead: ReadAheadCache,
): AgreementRepository {
  return {
    async findPage(query, includes) {
      const { after, withTotalCount, ...parameters } = query;
      const start = anchor(query);
      const filters = conditions(query, start.anchored);
      // Several relations can join the anchor to one agreement; DISTINCT keeps each agreement once.
      const candidates = `MATCH ${start.pattern} ${filters}${start.anchored ? ' WITH DISTINCT n' : ''}`;
      const dates = dateConditions(query);
      const count = withTotalCount
        ? `CALL () {
             ${candidates}
             ${dates.length > 0 ? `WITH n, ${SORT_KEY} AS sortKey WHERE ${dates.join(' AND ')}` : ''}
             RETURN count(n) AS totalCount
           }`
        : 'WITH null AS totalCount';
      const page = start.anchored
        ? anchoredPage(candidates, dates, after !== null)
        : indexedPage(filters, dates, after !== null);
      const scope = createCypherScope(shape, {
        ...parameters,
        afterKey: after?.signedOn ?? null,
        afterId: after?.id ?? null,
        limit: query.first + 1,
      });
      const pageRow = PAGE_COLUMNS.list({ sortKey: SORT_KEY, entity: includedEntity('n', includes, scope) });
      const rows = await db.read<{ totalCount: number | null; page: PageRow[]; sources: EntityRow[] }>(
        `${count}
         ${page}
         WITH totalCount, [n IN page | ${pageRow}] AS page
         RETURN totalCount, page, ${includedSources('page', (row) => PAGE_COLUMNS.at(row, 'entity'), includes, scope)} AS sources`,
        scope.parameters,
      );
      const result = rows[0];
      if (!result) return { rows: [], totalCount: withTotalCount ? 0 : null };
      readSources(result.sources, readAhead);
      return {
        totalCount: result.totalCount,
        rows: result.page.map((row) => {
          const entity = PAGE_COLUMNS.read.entity(row);
          return {
            agreement: readIncluded(entity, includes, readAhead),
            position: { signedOn: PAGE_COLUMNS.read.sortKey(row), id: includedEntityId(entity) },
          };
        }),
      };
    },
  };
}

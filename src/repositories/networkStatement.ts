import { entityProjection, relationProjection } from './entityProjection.js';
import { isEmptyNetworkFilter, type NetworkFilter } from './NetworkFilter.js';
import type { ProjectionShape } from './ProjectionShape.js';

/** The deepest neighbourhood callers may ask for; the API checks arguments against it. */
export const MAX_NETWORK_DEPTH = 3;

/**
 * How `findNetwork` ranks an unfiltered neighbourhood: `expand` walks it and ranks every entity reached; `scan` reads
 * entities in `entity_degree` order and keeps those within reach; `auto` (the default) picks by the size of the walk.
 * Both give the same answer; `expand` and `scan` exist for the parity test.
 */
export type NetworkPlan = 'auto' | 'expand' | 'scan';

/**
 * Variable-length bounds cannot be Cypher parameters, so each allowed depth has its own constant pattern. Only
 * entities have relationships, so `m` needs no `:Entity` check (70,000 label reads around a hub at scale 100).
 */
const NEIGHBOURHOOD: Record<number, string> = {
  1: '(s)-[*1..1]-(m)',
  2: '(s)-[*1..2]-(m)',
  3: '(s)-[*1..3]-(m)',
};

/**
 * The same neighbourhoods walking only relations and entities `filter` keeps (see `NetworkFilter`), as a named
 * variable-length path whose `all(…)` predicates the planner checks while it expands, so that `RETURN DISTINCT m`
 * still runs as a pruning (breadth-first) expand. The start is exempt from the entity conditions. Only the conditions
 * the filter sets are written (a statement per combination, each cheaper to plan); their values are the parameters
 * `$types`, `$prefixes`, `$excludedPrefixes`, `$from` and `$to`. `relationCondition` is `relationKept('r', filter)`.
 */
function filteredNeighbourhood(depth: number, filter: NetworkFilter, relationCondition: string | null): string {
  const relations = relationCondition ? `all(r IN relationships(p) WHERE ${relationCondition})\n     AND ` : '';
  const entities = `all(x IN nodes(p) WHERE x = s OR (x.retractedAt IS NULL${entityKept('x', filter)}))`;
  return `p = ${NEIGHBOURHOOD[depth]} WHERE ${relations}${entities}\n     AND`;
}

/** Cypher: is the relationship `r` of a kept type and dated in range (or undated)? Null when neither is asked. */
function relationKept(r: string, { types, from, to }: NetworkFilter): string | null {
  const conditions = [
    ...(types === null ? [] : [`type(${r}) IN $types`]),
    ...(from === null && to === null ? [] : [inRange(relationDate(r), from !== null, to !== null)]),
  ];
  return conditions.length === 0 ? null : conditions.join(' AND ');
}

/** Cypher to append: ` AND` conditions that the entity `x` is of a kept kind (its id's prefix); empty for no kinds. */
function entityKept(x: string, { kinds, excludeKinds }: NetworkFilter): string {
  const kind = `split(${x}.id, '/')[0]`;
  const included = kinds === null ? '' : ` AND ${kind} IN $prefixes`;
  return excludeKinds === null ? included : `${included} AND NOT ${kind} IN $excludedPrefixes`;
}

/** Cypher: a date (`2025-09-09`, `2025-09` or `2025`) overlaps the range from `$from` and/or to `$to`, or is null. */
function inRange(date: string, from: boolean, to: boolean): string {
  const bounds = [...(from ? ['d >= left($from, size(d))'] : []), ...(to ? ['d <= left($to, size(d))'] : [])];
  return `all(d IN [${date}] WHERE d IS NULL OR (${bounds.join(' AND ')}))`;
}

/**
 * Cypher: the date of relationship `r`, as `NetworkFilter` defines it: the signing date of an agreement at one end
 * (kept on the node, so no attribute is looked up per relation); null otherwise.
 */
export function relationDate(r: string): string {
  return `coalesce(CASE WHEN startNode(${r}):Agreement THEN startNode(${r}).signedOn END, CASE WHEN endNode(${r}):Agreement THEN endNode(${r}).signedOn END)`;
}

export interface NetworkStatementOptions {
  /** How many start ids `$ids` holds. */
  starts: number;
  depth: number;
  /** What narrows the walk; its values are passed as parameters (`$types`, `$prefixes`, …). */
  filter: NetworkFilter;
  plan: NetworkPlan;
  shape: ProjectionShape;
}

/**
 * One statement for `findNetwork`: the start entities, then the highest-degree ones within `depth` hops, at most
 * `$limit`, as entity rows (`nodes`), the relations among them paired with their dates (`relations`), and
 * `truncated`. Parameters: `$ids`, `$limit`, `$scan` (force the scan) and those of the filter conditions it writes.
 */
export function networkStatement(options: NetworkStatementOptions): string {
  const { depth, filter, plan, shape } = options;
  if (!NEIGHBOURHOOD[depth]) throw new RangeError(`depth must be 1 to ${MAX_NETWORK_DEPTH}, got ${depth}`);
  const filtered = !isEmptyNetworkFilter(filter);
  const relationCondition = relationKept('r', filter);
  const pattern = filtered ? filteredNeighbourhood(depth, filter, relationCondition) : NEIGHBOURHOOD[depth];
  const expanded = options.starts === 1 ? keptAroundOne(pattern) : keptAroundMany(pattern);
  // One round trip: rank with a Top (LIMIT) instead of sorting every reached entity, then read the relations
  // among the kept ones by expanding from the nodes already in hand instead of looking their ids up again.
  // Each relation comes paired with its date (see `relationDate`), read by the same expansion: a pair, not an
  // appended column, since `relationProjection` drops trailing nulls and rows vary in length.
  return `${filtered || plan === 'expand' ? expanded : keptByPlan(depth, expanded)}
    CALL (kept) {
      ${relationsAmong(relationCondition ? ` AND ${relationCondition}` : '')}
      WITH r ORDER BY r.id
      RETURN collect([${relationProjection('r', shape)}, ${relationDate('r')}]) AS relations
    }
    RETURN [n IN kept | ${entityProjection('n', shape)}] AS nodes, relations, truncated`;
}

// Both bind `kept` (the start entities, then the highest-degree others, at most $limit) and `truncated`. Only
// entities have relationships, so the plain degree (read from the store, not by expanding) is the same.

/** A neighbourhood pattern ready for one more condition: a filtered one ends with its own `WHERE … AND`. */
function where(pattern: string): string {
  return pattern.endsWith('AND') ? pattern : `${pattern} WHERE`;
}

/** Around one start: the reached entities stay rows, so the ranking is a Top over the expansion itself. */
function keptAroundOne(pattern: string): string {
  return `MATCH (s:Entity) WHERE s.id IN $ids AND s.retractedAt IS NULL
    OPTIONAL CALL (s) {
      MATCH ${where(pattern)} m <> s AND m.retractedAt IS NULL
      RETURN DISTINCT m
    }
    WITH s, m, COUNT { (m)--() } AS degree ORDER BY degree DESC, m.id LIMIT $limit
    WITH s, collect(m) AS ranked
    WITH ([s] + ranked)[0..$limit] AS kept, 1 + size(ranked) > $limit AS truncated`;
}

/** Around several starts: an entity reached from two of them, or itself a start, is kept once. */
function keptAroundMany(pattern: string): string {
  return `MATCH (s:Entity) WHERE s.id IN $ids AND s.retractedAt IS NULL
    OPTIONAL CALL (s) {
      MATCH ${where(pattern)} m.retractedAt IS NULL
      RETURN DISTINCT m
    }
    WITH collect(DISTINCT s) AS starts, collect(DISTINCT m) AS reached
    WITH starts, [m IN reached WHERE NOT m IN starts] AS others
    CALL (others) {
      UNWIND others AS m
      WITH m, COUNT { (m)--() } AS degree ORDER BY degree DESC, m.id LIMIT $limit
      RETURN collect(m) AS ranked
    }
    WITH (starts + ranked)[0..$limit] AS kept, size(starts) + size(others) > $limit AS truncated`;
}

/**
 * A walk of depth d costs the sum of the degrees of the entities within d - 1 hops ("reach"); reading entities by
 * degree until `$limit` of them are within reach costs about limit × entities / reached. The scan wins once
 * reach² ≥ SCAN_FACTOR × entities × limit. Measured with limit 500, the plans cross between reaches of 13,000 and
 * 42,000 at scale 100 (threshold 14,100) and between 39,500 and 62,800 at scale 1000 (threshold 44,700).
 */
const SCAN_FACTOR = 4;
/**
 * Reach is estimated from about this many degrees, evenly spaced in `near` (which lists neighbours grouped by relation
 * type): reading all 34,000 around the hub at scale 1000 took 24 ms.
 */
const REACH_SAMPLE = 1000;

/**
 * Binds `kept` and `truncated` as `expanded` does, reading entities in `entity_degree` order (`degree`, kept by every
 * writer) when the walk would be larger: an entity is within `depth` hops when it is within `depth - 1` hops (`near`)
 * or next to such an entity. Like the unfiltered walk, `near` passes through retracted entities and relations.
 */
function keptByPlan(depth: number, expanded: string): string {
  return `MATCH (s:Entity) WHERE s.id IN $ids AND s.retractedAt IS NULL
    WITH collect(s) AS origins
    WITH origins, COLLECT { UNWIND origins AS s MATCH (s)-[*0..${depth - 1}]-(x) RETURN DISTINCT x } AS near
    WITH origins, near, [i IN range(0, size(near) - 1, 1 + size(near) / ${REACH_SAMPLE}) WHERE NOT near[i] IN origins
                         | coalesce(near[i].degree, 0)] AS sampled
    WITH origins, near, reduce(sum = 0, s IN origins | sum + coalesce(s.degree, 0)) + CASE size(sampled) WHEN 0 THEN 0
           ELSE (size(near) - size(origins)) * reduce(sum = 0.0, d IN sampled | sum + d) / size(sampled) END AS reach
    WITH origins, near,
         size(origins) > 0 AND ($scan OR reach ^ 2 >= ${SCAN_FACTOR} * COUNT { MATCH (n:Entity) } * $limit) AS scan
    CALL (origins, near, scan) {
      WITH origins, near WHERE scan
      CALL (origins, near) {
        MATCH (m:Entity) WHERE m.degree >= 0 AND m.retractedAt IS NULL AND NOT m IN origins
          AND (m IN near OR EXISTS { MATCH (m)--(x) WHERE x IN near })
        WITH m ORDER BY m.degree DESC, m.id LIMIT $limit
        RETURN collect(m) AS ranked
      }
      RETURN (origins + ranked)[0..$limit] AS kept, size(origins) + size(ranked) > $limit AS truncated
      UNION ALL
      WITH scan WHERE NOT scan
      ${expanded}
      RETURN kept, truncated
    }`;
}

/**
 * Binds `r` to each unretracted relation between two entities of the list `kept` (`and`: more conditions on `r`),
 * expanding from the side with fewer relations in all: hubs point many relations outward (to agreements, events)
 * and few in, so around a hub reading them inward expands a quarter as many.
 */
function relationsAmong(and: string): string {
  return `WITH kept, reduce(outward = 0, a IN kept | outward + COUNT { (a)-->() } - COUNT { (a)<--() }) AS outward
    CALL (kept, outward) {
      WITH kept WHERE outward <= 0
      UNWIND kept AS a
      MATCH (a)-[r]->(b) WHERE b IN kept AND r.retractedAt IS NULL${and}
      RETURN r
      UNION ALL
      WITH kept WHERE outward > 0
      UNWIND kept AS b
      MATCH (a)-[r]->(b) WHERE a IN kept AND r.retractedAt IS NULL${and}
      RETURN r
    }`;
}

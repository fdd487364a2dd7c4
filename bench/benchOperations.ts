import type { Driver } from 'neo4j-driver';
import { normalizeName } from '../src/search/normalizeName.js';
import { toLuceneQuery } from '../src/search/toLuceneQuery.js';

/** Which server answers: ours, the `@neo4j/graphql` one, or the raw Cypher floor. */
export type ExecutorName = 'ours' | 'neo4jGraphql' | 'raw';
export const EXECUTORS: readonly ExecutorName[] = ['ours', 'neo4jGraphql', 'raw'];

/**
 * One HTTP request of an operation: a path and a JSON body, which may depend on the previous response of the
 * same operation (a client that needs two requests, such as `@neo4j/graphql` for relation evidence).
 */
export interface RequestStep {
  path: '/graphql' | '/cypher';
  body: (previous: unknown) => unknown;
}

/** Q1–Q6 of issue 6, each as the requests every executor makes for the same answer. */
export interface BenchOperation {
  id: string;
  title: string;
  steps: Record<ExecutorName, RequestStep[]>;
}

/** The entities the operations are about, picked from the loaded graph so that every scale has them. */
export interface BenchParameters {
  hubId: string;
  searchQuery: string;
  pathFromId: string;
  pathToId: string;
  pathLength: number;
  /** An organization party to 50 to 100 agreements. */
  detailId: string;
}

const graphql = (query: string, variables: Record<string, unknown> = {}): RequestStep => ({
  path: '/graphql',
  body: () => ({ query, variables }),
});
const cypher = (text: string, params: Record<string, unknown> = {}): RequestStep => ({
  path: '/cypher',
  body: () => ({ cypher: text, params }),
});

/** The agreement's signing date as all three executors read it: the `signedOn` property writers keep on the node. */
const SIGNED_ON = (agreement: string) => `coalesce(${agreement}.signedOn, '')`;

/** Neither the relationship nor the entity at its end is retracted: the same answer as ours, which leaves retracted facts out. */
const LIVE = (relation: string, end: string) => `${relation}.retractedAt IS NULL AND ${end}.retractedAt IS NULL`;

/** The nearest country `place` lies in, unless that is retracted. */
const COUNTRY = (place: string) =>
  `COLLECT { MATCH path = (${place})-[:PART_OF*1..4]->(c:Country) WITH c ORDER BY length(path), c.id LIMIT 1 WITH c WHERE c.retractedAt IS NULL RETURN c {.id, .nameEn} }[0]`;

/** Builds the six operations for the given parameters. */
export function benchOperations(p: BenchParameters): BenchOperation[] {
  const key = normalizeName(p.searchQuery);
  return [
    {
      id: 'Q1',
      title: 'agreements of the highest-degree organization, first 50, with parties and the event',
      steps: {
        ours: [
          graphql(
            `
              query Q1($id: ID!) {
                agreements(filter: { partyId: $id }, first: 50) {
                  edges {
                    node {
                      id
                      name
                      signedOn
                      parties {
                        role
                        party {
                          id
                          name
                        }
                      }
                      signedAt {
                        id
                        name
                        date
                      }
                    }
                  }
                }
              }
            `,
            { id: p.hubId },
          ),
        ],
        neo4jGraphql: [
          graphql(
            `
              query Q1($id: ID!) {
                organizations(where: { id: { eq: $id } }) {
                  agreements(limit: 50, sort: [{ signedOn: DESC }, { id: ASC }]) {
                    id
                    nameEn
                    signedOn
                    partiesConnection {
                      edges {
                        properties {
                          role
                        }
                        node {
                          ... on Organization {
                            id
                            nameEn
                          }
                          ... on Region {
                            id
                            nameEn
                          }
                          ... on Country {
                            id
                            nameEn
                          }
                        }
                      }
                    }
                    signedAt {
                      id
                      nameEn
                      date
                    }
                  }
                }
              }
            `,
            { id: p.hubId },
          ),
        ],
        raw: [
          cypher(
            `MATCH (:Entity {id: $id})-[p:PARTY_TO]->(a:Agreement) WHERE p.retractedAt IS NULL AND a.retractedAt IS NULL
             WITH a, ${SIGNED_ON('a')} AS signedOn
             ORDER BY signedOn DESC, a.id LIMIT 50
             RETURN a.id AS id, a.nameEn AS name, signedOn,
               COLLECT { MATCH (party)-[r:PARTY_TO]->(a) WHERE ${LIVE('r', 'party')} RETURN {role: r.role, id: party.id, name: party.nameEn} } AS parties,
               COLLECT { MATCH (a)-[s:SIGNED_AT]->(e) WHERE ${LIVE('s', 'e')} RETURN {id: e.id, name: e.nameEn,
                 date: COLLECT { MATCH (d:Attribute {entityId: e.id, key: 'date'}) WHERE d.retractedAt IS NULL RETURN d.value }[0]} }[0] AS signedAt`,
            { id: p.hubId },
          ),
        ],
      },
    },
    {
      id: 'Q2',
      title: 'search for a misspelled, transliterated name',
      steps: {
        ours: [
          graphql('query Q2($q: String!) { search(query: $q, first: 10) { score entity { id kind name } } }', {
            q: p.searchQuery,
          }),
        ],
        neo4jGraphql: [
          graphql(
            'query Q2($q: String!) { organizationsByName(phrase: $q, first: 10) { edges { score node { id nameEn } } } }',
            {
              q: toLuceneQuery(key),
            },
          ),
        ],
        raw: [
          cypher(
            `CALL db.index.fulltext.queryNodes('entity_search', $lucene, {limit: 50}) YIELD node, score
             WITH node, score WHERE node.retractedAt IS NULL
             WITH node, score + CASE WHEN $key IN node.searchKeys THEN 100 ELSE 0 END AS score
             ORDER BY score DESC, node.id LIMIT 10
             RETURN node.id AS id, node.kind AS kind, node.nameEn AS name, score`,
            { lucene: toLuceneQuery(key), key },
          ),
        ],
      },
    },
    {
      id: 'Q3',
      title: 'network depth 2 around a hub, limit 500',
      steps: {
        ours: [
          graphql(
            `
              query Q3($id: ID!) {
                network(ids: [$id], depth: 2, limit: 500) {
                  truncated
                  nodes {
                    id
                    kind
                    label
                  }
                  edges {
                    id
                    source
                    target
                    type
                    label
                  }
                }
              }
            `,
            { id: p.hubId },
          ),
        ],
        neo4jGraphql: [
          graphql(
            'query Q3($id: ID!) { network(id: $id, limit: 500) { nodes { id kind nameEn } edges { id source target type role } } }',
            { id: p.hubId },
          ),
        ],
        raw: [
          cypher(
            `MATCH (s:Entity {id: $id}) WHERE s.retractedAt IS NULL
             WITH s, COLLECT { MATCH (s)--(x) RETURN x } AS near
             CALL (s, near) {
               MATCH (m:Entity) WHERE m.degree >= 0 AND m <> s AND m.retractedAt IS NULL
                 AND (m IN near OR EXISTS { MATCH (m)--(x) WHERE x IN near })
               WITH m ORDER BY m.degree DESC, m.id LIMIT 499
               RETURN collect(m) AS others
             }
             WITH [s] + others AS kept
             CALL (kept) { UNWIND kept AS b MATCH (a)-[r]->(b) WHERE a IN kept AND r.retractedAt IS NULL
                           RETURN collect({id: r.id, type: type(r), source: a.id, target: b.id, role: r.role}) AS edges }
             RETURN [n IN kept | n {.id, .kind, .nameEn}] AS nodes, edges`,
            { id: p.hubId },
          ),
        ],
      },
    },
    {
      id: 'Q4',
      title: `shortest path between two organizations ${p.pathLength} hops apart`,
      steps: {
        ours: [
          graphql(
            'query Q4($from: ID!, $to: ID!) { path(fromId: $from, toId: $to, maxHops: 6) { length nodes { id name } relations { id type } } }',
            { from: p.pathFromId, to: p.pathToId },
          ),
        ],
        neo4jGraphql: [
          graphql('query Q4($from: ID!, $to: ID!) { shortestPath(fromId: $from, toId: $to) { id nameEn } }', {
            from: p.pathFromId,
            to: p.pathToId,
          }),
        ],
        raw: [
          cypher(
            `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
             WHERE a.retractedAt IS NULL AND b.retractedAt IS NULL
             MATCH path = shortestPath((a)-[*..6]-(b))
             WHERE all(r IN relationships(path) WHERE r.retractedAt IS NULL) AND all(n IN nodes(path) WHERE n.retractedAt IS NULL)
             RETURN [n IN nodes(path) | n {.id, .nameEn}] AS nodes, [r IN relationships(path) | {id: r.id, type: type(r)}] AS relations`,
            { from: p.pathFromId, to: p.pathToId },
          ),
        ],
      },
    },
    {
      id: 'Q5',
      title: 'a page of 100 agreements → parties → their region → its country',
      steps: {
        ours: [
          graphql(`
            query Q5 {
              agreements(first: 100) {
                edges {
                  node {
                    id
                    name
                    parties {
                      party {
                        id
                        name
                        ... on Organization {
                          basedIn {
                            id
                            name
                            ... on Region {
                              country {
                                id
                                name
                              }
                            }
                          }
                        }
                        ... on Region {
                          country {
                            id
                            name
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          `),
        ],
        neo4jGraphql: [
          graphql(`
            query Q5 {
              agreements(limit: 100, sort: [{ signedOn: DESC }, { id: ASC }]) {
                id
                nameEn
                parties {
                  ... on Organization {
                    id
                    nameEn
                    basedIn {
                      id
                      nameEn
                      country {
                        id
                        nameEn
                      }
                    }
                  }
                  ... on Region {
                    id
                    nameEn
                    country {
                      id
                      nameEn
                    }
                  }
                  ... on Country {
                    id
                    nameEn
                  }
                }
              }
            }
          `),
        ],
        raw: [
          cypher(
            // Dated agreements in `agreement_signed_on` index order (a PartialTop, not a sort of all of them); the
            // undated ones, which sort last, only when the dated ones do not fill the page.
            `CALL () {
               MATCH (a:Agreement) WHERE a.signedOn > '' AND a.retractedAt IS NULL
               WITH a ORDER BY a.signedOn DESC, a.id LIMIT 100
               RETURN collect(a) AS dated
             }
             OPTIONAL CALL (dated) {
               WITH dated WHERE size(dated) < 100
               MATCH (a:Agreement) WHERE ${SIGNED_ON('a')} = '' AND a.retractedAt IS NULL
               WITH a ORDER BY a.id LIMIT 100
               RETURN collect(a) AS undated
             }
             UNWIND (dated + coalesce(undated, []))[0..100] AS a
             RETURN a.id AS id, a.nameEn AS name, COLLECT {
               MATCH (party)-[r:PARTY_TO]->(a) WHERE ${LIVE('r', 'party')}
               RETURN {id: party.id, name: party.nameEn, basedIn: COLLECT {
                 MATCH (party)-[b:BASED_IN]->(region) WHERE ${LIVE('b', 'region')}
                 RETURN {id: region.id, name: region.nameEn, country: ${COUNTRY('region')}} },
                 country: ${COUNTRY('party')}}
             } AS parties`,
          ),
        ],
      },
    },
    {
      id: 'Q6',
      title: 'one entity with 50 relations and their evidence',
      steps: {
        ours: [
          graphql(
            `
              query Q6($id: ID!) {
                entity(id: $id) {
                  id
                  name
                  relations(types: ["PARTY_TO"], first: 50) {
                    id
                    type
                    role
                    from {
                      id
                      name
                    }
                    to {
                      id
                      name
                    }
                    evidence {
                      excerpt
                      source {
                        id
                      }
                    }
                  }
                }
              }
            `,
            { id: p.detailId },
          ),
        ],
        // @neo4j/graphql cannot join relationship properties to nodes by id, so its client asks twice.
        neo4jGraphql: [
          graphql(
            `
              query Q6($id: ID!) {
                organizations(where: { id: { eq: $id } }) {
                  id
                  nameEn
                  agreementsConnection(first: 50, sort: [{ node: { id: ASC } }]) {
                    edges {
                      properties {
                        role
                        evidenceIds
                      }
                      node {
                        id
                        nameEn
                      }
                    }
                  }
                }
              }
            `,
            { id: p.detailId },
          ),
          {
            path: '/graphql',
            body: (previous) => ({
              query: 'query Q6b($ids: [ID!]!) { excerpts(where: {id: {in: $ids}}) { id text sourceId } }',
              variables: { ids: evidenceIdsOf(previous) },
            }),
          },
        ],
        raw: [
          cypher(
            `MATCH (n:Entity {id: $id})-[r:PARTY_TO]-(m:Entity) WHERE n.retractedAt IS NULL AND ${LIVE('r', 'm')}
             WITH n, r, m ORDER BY r.id LIMIT 50
             RETURN n.id AS id, n.nameEn AS name, r.id AS relationId, type(r) AS type, r.role AS role,
                    startNode(r).id AS fromId, endNode(r).id AS toId, m.nameEn AS otherName,
                    COLLECT { MATCH (x:Excerpt) WHERE x.id IN r.evidenceIds RETURN x {.text, .sourceId} } AS evidence`,
            { id: p.detailId },
          ),
        ],
      },
    },
  ];
}

/** The evidence ids of a `@neo4j/graphql` Q6 answer. */
function evidenceIdsOf(previous: unknown): string[] {
  const organizations = (
    previous as {
      data?: {
        organizations?: { agreementsConnection: { edges: { properties: { evidenceIds: string[] | null } }[] } }[];
      };
    }
  ).data?.organizations;
  return [
    ...new Set(
      (organizations ?? []).flatMap((organization) =>
        organization.agreementsConnection.edges.flatMap((edge) => edge.properties.evidenceIds ?? []),
      ),
    ),
  ];
}

/**
 * Picks the operations' subjects from the loaded graph: the organization party to most agreements, a mid-sized
 * organization for Q6, the two least connected organizations farthest apart (at most 6 hops; 4–6 from scale 1 on) for Q4, and a misspelled Latin rendering of an
 * organization's Cyrillic name for Q2.
 */
export async function findBenchParameters(driver: Driver): Promise<BenchParameters> {
  const one = async <T>(query: string, params: Record<string, unknown> = {}): Promise<T> => {
    const { records } = await driver.executeQuery(query, params);
    if (!records[0]) throw new Error(`no row for ${query}`);
    return records[0].toObject() as T;
  };
  const { hubId } = await one<{ hubId: string }>(
    'MATCH (o:Organization) RETURN o.id AS hubId ORDER BY COUNT { (o)-[:PARTY_TO]->() } DESC, o.id LIMIT 1',
  );
  const { detailId } = await one<{ detailId: string }>(
    `MATCH (o:Organization) WITH o, COUNT { (o)-[:PARTY_TO]->() } AS agreements WHERE agreements >= 50
     RETURN o.id AS detailId ORDER BY agreements, o.id LIMIT 1`,
  );
  const { nameRu } = await one<{ nameRu: string }>(
    `MATCH (o:Organization) WITH o ORDER BY o.id SKIP 7 LIMIT 1 RETURN o.nameRu AS nameRu`,
  );
  const { pathFromId, pathToId, pathLength } = await one<{ pathFromId: string; pathToId: string; pathLength: number }>(
    `MATCH (o:Organization) WITH o ORDER BY COUNT { (o)--() }, o.id LIMIT 40
     WITH collect(o) AS quiet
     UNWIND quiet AS a UNWIND quiet AS b
     WITH a, b WHERE a.id < b.id
     MATCH path = shortestPath((a)-[*..6]-(b))
     RETURN a.id AS pathFromId, b.id AS pathToId, length(path) AS pathLength ORDER BY pathLength DESC, a.id, b.id LIMIT 1`,
  );
  return { hubId, detailId, pathFromId, pathToId, pathLength, searchQuery: misspell(nameRu) };
}

/** The first word of a Cyrillic name in a loose Latin spelling (kh → h, i → y) with one letter dropped. */
function misspell(nameRu: string): string {
  const latin = normalizeName(nameRu.split(' ')[0]!).replace(/kh/g, 'h').replace(/i/g, 'y');
  const middle = Math.floor(latin.length / 2);
  return latin.charAt(0).toUpperCase() + latin.slice(1, middle) + latin.charAt(middle) + latin.slice(middle + 2);
}

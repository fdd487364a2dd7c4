import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_INCLUDE_DEPTH } from '../../src/graphql/planIncludes.js';
import { postGraphQL } from '../support/postGraphQL.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

/** Every kind of field the look-ahead reads ahead: relation fields, generic relations, country, attributes, evidence. */
const DEEP = /* GraphQL */ `
  fragment Deep on Entity {
    id
    kind
    name
    names {
      lang
      value
    }
    aliases
    evidence {
      excerpt
      source {
        id
        ... on Source {
          title
          publishedOn
        }
      }
    }
    attributes {
      key
      value
      evidence {
        excerpt
      }
    }
    relations(first: 7) {
      id
      type
      role
      from {
        id
        name
      }
      to {
        id
        name(lang: RU)
        evidence {
          excerpt
        }
      }
      evidence {
        excerpt
      }
    }
    incoming: relations(direction: INCOMING, types: ["PARTY_TO", "HELD_IN"]) {
      id
      from {
        id
        kind
      }
    }
    ... on Organization {
      legalForm
      basedIn {
        id
        ... on Region {
          country {
            id
            name
            relations(first: 3) {
              id
            }
          }
          partOf {
            id
          }
        }
      }
      agreements {
        id
        signedOn
        parties {
          role
          party {
            id
            name
          }
          evidence {
            excerpt
          }
        }
        signedAt {
          id
          date
          location {
            id
          }
        }
      }
    }
    ... on Person {
      offices {
        title
        jurisdiction {
          id
        }
        organization {
          id
        }
        accreditedTo {
          id
        }
        evidence {
          excerpt
        }
      }
      statements {
        text
        event {
          id
        }
      }
    }
    ... on Region {
      country {
        id
      }
      partOf {
        id
        name
      }
    }
    ... on Event {
      date
      location {
        id
      }
      participants {
        role
        participant {
          id
        }
        evidence {
          excerpt
        }
      }
      statements {
        speaker {
          id
        }
      }
    }
    ... on Agreement {
      signedOn
      signatories {
        id
      }
      subjects {
        id
        ... on Project {
          locatedIn {
            id
          }
        }
      }
    }
    ... on Statement {
      text
      speaker {
        id
        name
      }
      event {
        id
      }
    }
  }
`;

/** `entity` reads ahead; a path from an entity to itself answers that entity through the loaders alone. */
const READ_AHEAD = `query ReadAhead($id: ID!) { entity(id: $id) { ...Deep } } ${DEEP}`;
const LOADERS_ONLY = `query LoadersOnly($id: ID!) { path(fromId: $id, toId: $id) { nodes { ...Deep } } } ${DEEP}`;

const IDS = [
  'organization/ktz',
  'organization/ktz-express',
  'person/andrey-vorobyov',
  'region/krasnogorsk',
  'event/krasnogorsk-business-forum-2025',
  'agreement/selyatino-hub-agreement',
  'statement/vorobyov-on-business-expansion',
];

describe('reading nested fields ahead', () => {
  let server: TestServer;
  beforeAll(async () => {
    // The deep selections below are above the cost and depth limits meant for anonymous clients.
    server = await startTestServer({ limits: { maxCost: 1_000_000, maxDepth: 20 } });
  });
  afterAll(() => server.close());

  it.each(IDS)('answers %s exactly as the loaders answer it, in fewer round trips', async (id) => {
    const ahead = await postGraphQL<{ entity: unknown }>(server.url, READ_AHEAD, { id });
    const loaded = await postGraphQL<{ path: { nodes: unknown[] } }>(server.url, LOADERS_ONLY, { id });
    expect(ahead.errors).toBeUndefined();
    expect(loaded.errors).toBeUndefined();
    expect(ahead.data!.entity).toEqual(loaded.data!.path.nodes[0]);
    // DEEP is wider than one statement may be (MAX_INCLUDE_SUBQUERIES): the loaders read what was left out.
    expect(ahead.extensions!.queryStats!.roundTrips).toBeLessThan(loaded.extensions!.queryStats!.roundTrips);
  });

  it('reads a selection within the look-ahead budget in one round trip', async () => {
    const query = `query {
      entity(id: "agreement/selyatino-hub-agreement") {
        id evidence { excerpt source { id } } attributes { key value }
        ... on Agreement {
          signedAt { id date location { id } }
          parties { role evidence { excerpt } party { id name ... on Organization { basedIn { id ... on Region { country { id } } } } } }
        }
      }
    }`;
    const response = await postGraphQL<{ entity: { parties: unknown[] } }>(server.url, query);
    expect(response.errors).toBeUndefined();
    expect(response.data!.entity.parties.length).toBeGreaterThan(0);
    expect(response.extensions?.queryStats?.roundTrips).toBe(1);
  });

  it('leaves selections deeper than the look-ahead to the loaders and still answers them', async () => {
    const level = (depth: number): string =>
      depth === 0 ? 'id name' : `id relations(first: 2) { to { ${level(depth - 1)} } }`;
    const depth = MAX_INCLUDE_DEPTH + 2;
    const ahead = await postGraphQL(server.url, `query { entity(id: "organization/ktz") { ${level(depth)} } }`);
    const loaded = await postGraphQL<{ path: { nodes: unknown[] } }>(
      server.url,
      `query { path(fromId: "organization/ktz", toId: "organization/ktz") { nodes { ${level(depth)} } } }`,
    );
    expect(ahead.errors).toBeUndefined();
    expect(ahead.data!.entity).toEqual(loaded.data!.path.nodes[0]);
    // One statement for the first MAX_INCLUDE_DEPTH levels, then at most one loader batch per deeper level (fewer
    // where those entities' relations were read ahead already at a shallower level).
    expect(ahead.extensions?.queryStats?.roundTrips).toBeGreaterThan(1);
    expect(ahead.extensions?.queryStats?.roundTrips).toBeLessThanOrEqual(1 + depth - MAX_INCLUDE_DEPTH);
  });

  it('reads the sources of excerpts at every depth in the same round trip', async () => {
    const evidence = 'evidence { excerpt source { id ... on Source { title } } }';
    const fields = `id ${evidence} attributes { key ${evidence} }
      relations(first: 5) { id ${evidence} to { id ${evidence} } }
      ... on Organization { basedIn { id ... on Region { country { id ${evidence} } } } }`;
    const ahead = await postGraphQL<{ entity: unknown }>(
      server.url,
      `query { entity(id: "organization/ktz") { ${fields} } }`,
    );
    const loaded = await postGraphQL<{ path: { nodes: unknown[] } }>(
      server.url,
      `query { path(fromId: "organization/ktz", toId: "organization/ktz") { nodes { ${fields} } } }`,
    );
    expect(ahead.errors).toBeUndefined();
    expect(ahead.data!.entity).toEqual(loaded.data!.path.nodes[0]);
    expect(JSON.stringify(ahead.data)).toContain('"source":{"id":"source/');
    expect(ahead.extensions?.queryStats?.roundTrips).toBe(1);
  });
});

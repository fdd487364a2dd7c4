import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL } from '../support/postGraphQL.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

const PATH = /* GraphQL */ `
  query Path($fromId: ID!, $toId: ID!, $maxHops: Int) {
    path(fromId: $fromId, toId: $toId, maxHops: $maxHops) {
      length
      nodes {
        id
      }
      relations {
        type
        from {
          id
        }
        to {
          id
        }
        evidence {
          excerpt
        }
      }
    }
  }
`;

const NETWORK = /* GraphQL */ `
  query Network($ids: [ID!]!, $depth: Int, $limit: Int, $lang: Lang) {
    network(ids: $ids, depth: $depth, limit: $limit, lang: $lang) {
      truncated
      nodes {
        id
        kind
        label
        entity {
          id
        }
      }
      edges {
        id
        source
        target
        type
        label
        evidence {
          excerpt
        }
      }
    }
  }
`;

interface PathResult {
  path: {
    length: number;
    nodes: { id: string }[];
    relations: { type: string; from: { id: string }; to: { id: string }; evidence: unknown[] }[];
  } | null;
}
interface NetworkResult {
  network: {
    truncated: boolean;
    nodes: { id: string; kind: string; label: string; entity: { id: string } }[];
    edges: { id: string; source: string; target: string; type: string; label: string; evidence: unknown[] }[];
  };
}

describe('Query.path', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('links Slavtrans-Service to Samruk-Kazyna with a chain of evidenced relations', async () => {
    const response = await postGraphQL<PathResult>(server.url, PATH, {
      fromId: 'organization/slavtrans-service',
      toId: 'organization/samruk-kazyna',
    });
    const path = response.data!.path!;
    expect(path.nodes[0]!.id).toBe('organization/slavtrans-service');
    expect(path.nodes.at(-1)!.id).toBe('organization/samruk-kazyna');
    expect(path.relations).toHaveLength(path.length);
    path.relations.forEach((relation, index) => {
      const ends = [relation.from.id, relation.to.id].sort();
      expect(ends).toEqual([path.nodes[index]!.id, path.nodes[index + 1]!.id].sort());
      expect(relation.evidence.length).toBeGreaterThan(0);
    });
  });

  it('returns null when the entities are further apart than maxHops', async () => {
    const response = await postGraphQL<PathResult>(server.url, PATH, {
      fromId: 'organization/slavtrans-service',
      toId: 'organization/samruk-kazyna',
      maxHops: 2,
    });
    expect(response.errors).toBeUndefined();
    expect(response.data!.path).toBeNull();
  });

  it('answers NOT_FOUND naming the end that does not exist', async () => {
    const response = await postGraphQL<PathResult>(server.url, PATH, {
      fromId: 'organization/ktz',
      toId: 'organization/nope',
    });
    expect(response.data?.path ?? null).toBeNull();
    expect(response.errors?.[0]).toMatchObject({
      message: 'Argument "toId": no entity "organization/nope".',
      extensions: { code: 'NOT_FOUND', argument: 'toId', ids: ['organization/nope'] },
    });
  });

  it('returns a path of length 0 from an entity to itself', async () => {
    const response = await postGraphQL<PathResult>(server.url, PATH, {
      fromId: 'organization/ktz',
      toId: 'organization/ktz',
    });
    expect(response.data!.path).toEqual({ length: 0, nodes: [{ id: 'organization/ktz' }], relations: [] });
  });

  it.each([0, 9])('refuses maxHops %i with BAD_USER_INPUT', async (maxHops) => {
    const response = await postGraphQL(server.url, PATH, {
      fromId: 'organization/ktz',
      toId: 'organization/ktz-express',
      maxHops,
    });
    expect(response.errors?.[0]).toMatchObject({
      message: `Argument "maxHops": expected an integer from 1 to 8, got ${maxHops}.`,
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});

describe('Query.network', () => {
  let server: TestServer;
  beforeAll(async () => {
    // The degree check reads every node's relations at limit 5000: far above the default cost limit, meant for clients.
    server = await startTestServer({ limits: { maxCost: 20_000_000 } });
  });
  afterAll(() => server.close());

  async function network(variables: Record<string, unknown>) {
    const response = await postGraphQL<NetworkResult>(server.url, NETWORK, variables);
    expect(response.errors).toBeUndefined();
    return response.data!.network;
  }

  it('draws the neighbourhood with no edge whose ends are missing', async () => {
    const result = await network({ ids: ['organization/ktz'], depth: 2 });
    const ids = new Set(result.nodes.map((node) => node.id));
    expect(ids).toEqual(
      new Set([
        'organization/ktz',
        'agreement/selyatino-hub-agreement',
        'organization/samruk-kazyna',
        'organization/government-of-moscow-oblast',
        'event/spief-2024',
        'project/selyatino-transport-logistics-hub',
      ]),
    );
    expect(result.truncated).toBe(false);
    for (const edge of result.edges) {
      expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
      expect(edge.evidence.length).toBeGreaterThan(0);
    }
    expect(result.edges).toContainEqual(
      expect.objectContaining({
        source: 'organization/ktz',
        target: 'agreement/selyatino-hub-agreement',
        type: 'PARTY_TO',
        label: 'party',
      }),
    );
  });

  it('labels nodes in the asked language', async () => {
    const result = await network({ ids: ['organization/ktz'], lang: 'KK' });
    expect(result.nodes.find((node) => node.id === 'organization/ktz')).toMatchObject({
      kind: 'ORGANIZATION',
      label: 'Қазақстан темір жолы',
      entity: { id: 'organization/ktz' },
    });
  });

  it('keeps the start and the highest-degree nodes when limit cuts, and says so', async () => {
    const full = await network({ ids: ['region/moscow-oblast'], depth: 2, limit: 5000 });
    const cut = await network({ ids: ['region/moscow-oblast'], depth: 2, limit: 4 });
    expect(full.truncated).toBe(false);
    expect(cut.truncated).toBe(true);
    expect(cut.nodes).toHaveLength(4);
    expect(cut.nodes[0]!.id).toBe('region/moscow-oblast');
    const kept = new Set(cut.nodes.map((node) => node.id));
    for (const edge of cut.edges) expect(kept.has(edge.source) && kept.has(edge.target)).toBe(true);
    // Degree in the whole graph decides who stays: nobody dropped has more relations than anyone kept.
    const degrees = await postGraphQL<{ network: { nodes: { id: string; entity: { relations: unknown[] } }[] } }>(
      server.url,
      '{ network(ids: ["region/moscow-oblast"], depth: 2, limit: 5000) { nodes { id entity { relations(first: 1000) { id } } } } }',
    );
    const degree = new Map(degrees.data!.network.nodes.map((node) => [node.id, node.entity.relations.length]));
    const keptDegrees = cut.nodes.slice(1).map((node) => degree.get(node.id)!);
    const droppedDegrees = full.nodes.filter((node) => !kept.has(node.id)).map((node) => degree.get(node.id)!);
    expect(Math.max(...droppedDegrees)).toBeLessThanOrEqual(Math.min(...keptDegrees));
  });

  it.each([
    [{ ids: ['organization/nope'] }, ['organization/nope']],
    [{ ids: ['organization/ktz', 'person/nobody', 'organization/nope'] }, ['person/nobody', 'organization/nope']],
    // A limit below the number of starts cuts starts too: the graph is asked which of them exist.
    [{ ids: ['organization/ktz', 'organization/samruk-kazyna', 'person/nobody'], limit: 1 }, ['person/nobody']],
  ])('answers NOT_FOUND listing the unknown ids of %j', async (variables, ids) => {
    const response = await postGraphQL<NetworkResult>(server.url, NETWORK, variables);
    expect(response.data).toBeNull();
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'ids', ids });
  });

  it.each([
    [{ ids: ['organization/ktz'], depth: 4 }, 'Argument "depth": expected an integer from 1 to 3, got 4.'],
    [{ ids: ['organization/ktz'], limit: 0 }, 'Argument "limit": expected an integer from 1 to 5000, got 0.'],
    [{ ids: [] }, 'Argument "ids": expected 1 to 50 entity ids, got 0.'],
    [{ ids: ['KTZ AND ('] }, 'Argument "ids": expected entity ids of the form kind/slug, got "KTZ AND (".'],
  ])('refuses %j with BAD_USER_INPUT', async (variables, message) => {
    const response = await postGraphQL(server.url, NETWORK, variables);
    expect(response.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT' } });
  });
});

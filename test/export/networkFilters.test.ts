import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePython, PYTHON_SETUP_TIMEOUT_MS, runPython } from '../support/ensurePython.js';
import { postGraphQL } from '../support/postGraphQL.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

const NETWORK = /* GraphQL */ `
  query Filtered($ids: [ID!]!, $depth: Int, $filter: NetworkFilter) {
    network(ids: $ids, depth: $depth, limit: 5000, filter: $filter) {
      nodes {
        id
        kind
      }
      edges {
        source
        target
        type
        date
      }
    }
  }
`;

interface NetworkResult {
  network: {
    nodes: { id: string; kind: string }[];
    edges: { source: string; target: string; type: string; date: string | null }[];
  };
}

const FORUM = 'event/krasnogorsk-business-forum-2025';

describe('network filters', () => {
  let server: TestServer;
  let python: string;
  beforeAll(async () => {
    [server, python] = await Promise.all([startTestServer(), ensurePython()]);
  }, PYTHON_SETUP_TIMEOUT_MS);
  afterAll(() => server.close());

  async function network(variables: Record<string, unknown>) {
    const response = await postGraphQL<NetworkResult>(server.url, NETWORK, variables);
    expect(response.errors).toBeUndefined();
    return response.data!.network;
  }

  it('walks and draws only the relation types asked for', async () => {
    const all = await network({ ids: [FORUM], depth: 2 });
    const parties = await network({ ids: [FORUM], depth: 2, filter: { types: ['PARTICIPATED_IN', 'STATED_AT'] } });
    expect(new Set(all.edges.map((edge) => edge.type)).size).toBeGreaterThan(2);
    expect(new Set(parties.edges.map((edge) => edge.type))).toEqual(new Set(['PARTICIPATED_IN', 'STATED_AT']));
    expect(parties.nodes.length).toBeLessThan(all.nodes.length);
  });

  it('leaves out excluded kinds, and keeps only included ones, but always the starts', async () => {
    const all = await network({ ids: [FORUM], depth: 2 });
    expect(all.nodes.some((node) => node.kind === 'STATEMENT')).toBe(true);
    const noStatements = await network({ ids: [FORUM], depth: 2, filter: { excludeKinds: ['STATEMENT'] } });
    expect(noStatements.nodes.some((node) => node.kind === 'STATEMENT')).toBe(false);
    const people = await network({ ids: [FORUM], depth: 2, filter: { kinds: ['PERSON'] } });
    expect(new Set(people.nodes.map((node) => node.kind))).toEqual(new Set(['EVENT', 'PERSON']));
    expect(people.nodes[0]!.id).toBe(FORUM);
  });

  it('keeps relations dated in range and undated ones', async () => {
    const all = await network({ ids: [FORUM], depth: 1 });
    const signed = all.edges.filter((edge) => edge.date === '2025-09-09');
    expect(signed.length).toBeGreaterThan(0);
    const later = await network({ ids: [FORUM], depth: 1, filter: { from: '2025-10-01' } });
    expect(later.edges.some((edge) => edge.date !== null)).toBe(false);
    expect(later.edges.length).toBe(all.edges.length - signed.length);
    const thatDay = await network({ ids: [FORUM], depth: 1, filter: { from: '2025-09-09', to: '2025-09-09' } });
    expect(thatDay.edges.length).toBe(all.edges.length);
    const earlier = await network({ ids: [FORUM], depth: 1, filter: { to: '2025-09-08' } });
    expect(earlier.edges.some((edge) => edge.date !== null)).toBe(false);
    expect(earlier.edges.length).toBe(later.edges.length);
    const untilThen = await network({ ids: [FORUM], depth: 1, filter: { to: '2025-09-09' } });
    expect(untilThen.edges.length).toBe(all.edges.length);
  });

  it.each([
    [{ types: ['party to'] }, 'filter.types'],
    [{ from: '2025-01-02', to: '2025-01-01' }, 'filter.to'],
    [{ types: Array.from({ length: 51 }, (_, index) => `T${index}`) }, 'filter.types'],
  ])('refuses %j naming the argument', async (filter, argument) => {
    const response = await postGraphQL(server.url, NETWORK, { ids: [FORUM], filter });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });

  it('gives networkx an undirected graph on undirected=true, where shortest_path leaves the forum both ways', async () => {
    const result = await runPython<{
      directed: boolean[];
      reachableDirected: number;
      reachableUndirected: number;
      nodes: number;
      path: string[];
      types: string[];
      kinds: string[];
    }>(
      python,
      `
import io, json, os, urllib.request, networkx as nx
base = os.environ["BASE"]
def graph(query):
    return nx.read_graphml(io.BytesIO(urllib.request.urlopen(base + "/export/graphml?" + query).read()))
forum = "${FORUM}"
directed = graph("ids=" + forum + "&depth=2")
undirected = graph("ids=" + forum + "&depth=2&undirected=true")
far = [n for n in undirected if n != forum and n not in nx.descendants(directed, forum)]
filtered = graph("ids=" + forum + "&depth=2&types=PARTICIPATED_IN,STATED_AT&excludeKinds=statement")
print(json.dumps({
  "directed": [directed.is_directed(), undirected.is_directed()],
  "reachableDirected": len(nx.descendants(directed, forum)),
  "reachableUndirected": len(nx.node_connected_component(undirected, forum)) - 1,
  "nodes": undirected.number_of_nodes(),
  "path": nx.shortest_path(undirected, forum, far[0]),
  "types": sorted({d["relation_type"] for _, _, d in filtered.edges(data=True)}),
  "kinds": sorted({d["kind"] for _, d in filtered.nodes(data=True)}),
}))
`,
      { BASE: server.url },
    );
    expect(result.directed).toEqual([true, false]);
    expect(result.reachableDirected).toBeLessThan(result.nodes - 1);
    expect(result.reachableUndirected).toBe(result.nodes - 1);
    expect(result.path[0]).toBe(FORUM);
    expect(result.types).toEqual(['PARTICIPATED_IN']);
    expect(result.kinds).not.toContain('STATEMENT');
  });

  it.each([
    ['types=party to', 'types'],
    ['kinds=PLANET', 'kinds'],
    ['from=2025-13-01', 'from'],
    ['from=2025-02-01&to=2025-01-01', 'to'],
    ['undirected=maybe', 'undirected'],
  ])('refuses the export query %s naming the argument', async (query, argument) => {
    const response = await fetch(`${server.url}/export/graphml?ids=${FORUM}&${query}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toContain(`Argument "${argument}"`);
  });
});

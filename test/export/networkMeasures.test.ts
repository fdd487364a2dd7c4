import cytoscape from 'cytoscape';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePython, PYTHON_SETUP_TIMEOUT_MS, runPython } from '../support/ensurePython.js';
import { postGraphQL } from '../support/postGraphQL.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

const FORUM = 'event/krasnogorsk-business-forum-2025';

describe('network measures', () => {
  let server: TestServer;
  let python: string;
  beforeAll(async () => {
    [server, python] = await Promise.all([startTestServer(), ensurePython()]);
  }, PYTHON_SETUP_TIMEOUT_MS);
  afterAll(() => server.close());

  it('answers degree as Cytoscape.js counts it on the exported elements', async () => {
    const response = await fetch(`${server.url}/export/cytoscape?ids=${FORUM}&depth=2`);
    const json = (await response.json()) as { elements: cytoscape.ElementsDefinition };
    const cy = cytoscape({ headless: true, elements: json.elements });
    expect(cy.nodes().length).toBeGreaterThan(10);
    cy.nodes().forEach((node) => {
      expect(node.data('degree')).toBe(node.degree(false));
    });
    const graphql = await postGraphQL<{ network: { nodes: { id: string; degree: number; community: number }[] } }>(
      server.url,
      `query($ids: [ID!]!) { network(ids: $ids, depth: 2) { nodes { id degree community } } }`,
      { ids: [FORUM] },
    );
    expect(graphql.data!.network.nodes).toEqual(
      cy.nodes().map((node) => ({ id: node.id(), degree: node.data('degree'), community: node.data('community') })),
    );
  });

  it('answers betweenness as networkx computes it, and communities of high modularity', async () => {
    const result = await runPython<{ worst: number; modularity: number; communities: number }>(
      python,
      `
import io, json, os, urllib.request, networkx as nx
g = nx.read_graphml(io.BytesIO(urllib.request.urlopen(os.environ["BASE"] + "/export/graphml?ids=${FORUM}&depth=2").read()))
simple = nx.Graph(g.to_undirected())
expected = nx.betweenness_centrality(simple, normalized=True)
worst = max(abs(float(g.nodes[n]["betweenness"]) - expected[n]) for n in g)
groups = {}
for n, d in g.nodes(data=True):
    groups.setdefault(d["community"], set()).add(n)
print(json.dumps({"worst": worst, "modularity": nx.community.modularity(simple, groups.values()), "communities": len(groups)}))
`,
      { BASE: server.url },
    );
    expect(result.worst).toBeLessThan(1e-9);
    expect(result.communities).toBeGreaterThan(1);
    // Louvain maximizes modularity; a partition this good is not what an arbitrary numbering would give.
    expect(result.modularity).toBeGreaterThan(0.2);
  });
});

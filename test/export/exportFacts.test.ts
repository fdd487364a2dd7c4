import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePython, PYTHON_SETUP_TIMEOUT_MS, runPython } from '../support/ensurePython.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

const FORUM = 'event/krasnogorsk-business-forum-2025';

interface Facts {
  firstColumn: string;
  graph: { truncated: string; directed: string };
  forum: {
    start: string;
    attributes: {
      key: string;
      value: string;
      unit: string | null;
      qualifier: string | null;
      evidence: { sourceTitle: string; publishedOn: string }[];
    }[];
  };
  attributeWithUnit: { key: string; unit: string } | null;
  edgeEvidence: {
    excerpt: string;
    sourceId: string;
    sourceTitle: string;
    publisher: string | null;
    publishedOn: string;
    url: string | null;
  };
  datedEdges: number;
  kazakh: string[];
  gexf: { mode: string; forumStart: string | null; edgeStarts: string[]; nodes: number; csvNodes: number };
}

describe('exports carry the facts', () => {
  let server: TestServer;
  let python: string;
  beforeAll(async () => {
    [server, python] = await Promise.all([startTestServer(), ensurePython()]);
  }, PYTHON_SETUP_TIMEOUT_MS);
  afterAll(() => server.close());

  it('gives pandas attributes, dated relations and cited evidence, and Gephi (via networkx) a timeline', async () => {
    const facts = await runPython<Facts>(
      python,
      `
import io, json, os, zipfile, urllib.request, pandas as pd, networkx as nx
base = os.environ["BASE"]
get = lambda path: urllib.request.urlopen(base + path).read()
z = zipfile.ZipFile(io.BytesIO(get("/export/csv?ids=${FORUM}&depth=2")))
nodes = pd.read_csv(z.open("nodes.csv"), dtype=str, keep_default_na=False)
edges = pd.read_csv(z.open("edges.csv"), dtype=str, keep_default_na=False)
graph = pd.read_csv(z.open("graph.csv"), dtype=str).iloc[0].to_dict()
forum = nodes.set_index("id").loc["${FORUM}"]
attributes = [a for row in nodes["attributes"] for a in json.loads(row)]
with_unit = next(({"key": a["key"], "unit": a["unit"]} for a in attributes if a["unit"]), None)
g = nx.read_gexf(io.BytesIO(get("/export/gexf?ids=${FORUM}&depth=2")), version="1.3")
print(json.dumps({
  "firstColumn": nodes.columns[0],
  "graph": graph,
  "forum": {"start": forum["start"], "attributes": json.loads(forum["attributes"])},
  "attributeWithUnit": with_unit,
  "edgeEvidence": json.loads(edges["evidence"].iloc[0])[0],
  "datedEdges": int((edges["date"] != "").sum()),
  "kazakh": [n for n in nodes["name_kk"] if n],
  "gexf": {
    "mode": g.graph.get("mode"),
    "forumStart": g.nodes["${FORUM}"].get("start"),
    "edgeStarts": sorted({d["start"] for _, _, d in g.edges(data=True) if "start" in d}),
    "nodes": g.number_of_nodes(),
    "csvNodes": len(nodes),
  },
}, ensure_ascii=False))
`,
      { BASE: server.url },
    );
    // The byte-order mark is read as such, not as part of the first column's name.
    expect(facts.firstColumn).toBe('id');
    expect(facts.graph).toEqual({ truncated: 'false', directed: 'true' });
    expect(facts.forum.start).toBe('2025-09-09');
    expect(facts.forum.attributes).toContainEqual(expect.objectContaining({ key: 'date', value: '2025-09-09' }));
    expect(facts.forum.attributes[0]!.evidence[0]).toMatchObject({
      sourceTitle: expect.any(String),
      publishedOn: '2025-09-09',
    });
    expect(facts.attributeWithUnit).not.toBeNull();
    expect(facts.edgeEvidence).toMatchObject({
      sourceId: 'source/2025-09-09-krasnogorsk-business-forum',
      publishedOn: '2025-09-09',
    });
    expect(facts.edgeEvidence.sourceTitle.length).toBeGreaterThan(0);
    expect(facts.datedEdges).toBeGreaterThan(0);
    expect(facts.kazakh.some((name) => /[әғқңөұүһі]/i.test(name))).toBe(true);
    expect(facts.gexf.mode).toBe('dynamic');
    expect(facts.gexf.forumStart).toBe('2025-09-09');
    expect(facts.gexf.edgeStarts).toContain('2025-09-09');
    expect(facts.gexf.nodes).toBe(facts.gexf.csvNodes);
  });
});

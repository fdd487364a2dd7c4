import { createCB } from 'xmlbuilder2';
import type { ExportGraph } from './ExportGraph.js';
import { EDGE_COLUMNS, NODE_COLUMNS, toEdgeRow, toNodeRow } from './exportColumns.js';
import { toXmlText } from './toXmlText.js';

const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';
const NODE_KEYS = NODE_COLUMNS.filter((column) => column !== 'id');
const EDGE_KEYS = EDGE_COLUMNS.filter((column) => column !== 'id' && column !== 'source' && column !== 'target');

/**
 * GraphML for Gephi, yEd, networkx and igraph: a directed graph whose nodes and edges keep their `kind/slug` and
 * relation ids, with every other export column declared as a string `<key>` (`attr.name` is the column name, the key
 * id is prefixed `n_`/`e_`) and a boolean graph key `truncated`. Null values are left out, as GraphML means by absence.
 * Graphology has a GraphML reader but no writer, so xmlbuilder2's streaming writer writes and escapes the XML, one
 * element at a time: no document tree of the whole network is built.
 */
export function* writeGraphml(graph: ExportGraph): Generator<string> {
  const chunks: string[] = [];
  const xml = createCB({ data: (chunk: string) => void chunks.push(chunk), prettyPrint: true });
  const drain = function* () {
    yield chunks.join('');
    chunks.length = 0;
  };

  xml
    .dec({ version: '1.0', encoding: 'UTF-8' })
    .ele(GRAPHML_NS, 'graphml')
    .att('http://www.w3.org/2000/xmlns/', 'xmlns:xsi', 'http://www.w3.org/2001/XMLSchema-instance')
    .att('http://www.w3.org/2001/XMLSchema-instance', 'xsi:schemaLocation', `${GRAPHML_NS} ${GRAPHML_NS}/1.0/graphml.xsd`);
  xml.ele('key', { id: 'g_truncated', for: 'graph', 'attr.name': 'truncated', 'attr.type': 'boolean' }).up();
  for (const column of NODE_KEYS) xml.ele('key', { id: `n_${column}`, for: 'node', 'attr.name': column, 'attr.type': 'string' }).up();
  for (const column of EDGE_KEYS) xml.ele('key', { id: `e_${column}`, for: 'edge', 'attr.name': column, 'attr.type': 'string' }).up();
  xml.ele('graph', { id: 'coopgraph', edgedefault: 'directed' });
  xml.ele('data', { key: 'g_truncated' }).txt(String(graph.truncated)).up();
  yield* drain();

  for (const node of graph.nodes) {
    const row = toNodeRow(node);
    xml.ele('node', { id: toXmlText(node.id) });
    for (const column of NODE_KEYS) {
      const value = row[column];
      if (value !== null) xml.ele('data', { key: `n_${column}` }).txt(toXmlText(value)).up();
    }
    xml.up();
    yield* drain();
  }
  for (const edge of graph.edges) {
    const row = toEdgeRow(edge);
    xml.ele('edge', { id: toXmlText(edge.id), source: toXmlText(edge.source), target: toXmlText(edge.target) });
    for (const column of EDGE_KEYS) {
      const value = row[column];
      if (value !== null) xml.ele('data', { key: `e_${column}` }).txt(toXmlText(value)).up();
    }
    xml.up();
    yield* drain();
  }
  xml.end();
  yield* drain();
}

/** `writeGraphml` as one string. */
export function serializeGraphml(graph: ExportGraph): string {
  return [...writeGraphml(graph)].join('');
}

import type { ExportGraph } from './ExportGraph.js';
import { escapeXml } from './escapeXml.js';
import { EDGE_COLUMNS, NODE_COLUMNS, toEdgeRow, toNodeRow } from './exportColumns.js';

const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';
const NODE_KEYS = NODE_COLUMNS.filter((column) => column !== 'id');
const EDGE_KEYS = EDGE_COLUMNS.filter((column) => column !== 'id' && column !== 'source' && column !== 'target');

/**
 * GraphML for Gephi, yEd, networkx and igraph: a directed graph (undirected when `graph.directed` is false) whose nodes and edges keep their `kind/slug` and
 * relation ids, with every other export column declared as a string `<key>` (`attr.name` is the column name, the key
 * id is prefixed `n_`/`e_`) and a boolean graph key `truncated`. Null values are left out, as GraphML means by absence.
 * Written one element at a time (a chunk per node or edge), so that no tree or string of the whole network is built.
 */
export function* writeGraphml(graph: ExportGraph): Generator<string> {
  yield `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="${GRAPHML_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${GRAPHML_NS} ${GRAPHML_NS}/1.0/graphml.xsd">
  <key id="g_truncated" for="graph" attr.name="truncated" attr.type="boolean"/>
${NODE_KEYS.map((column) => `  <key id="n_${column}" for="node" attr.name="${column}" attr.type="string"/>\n`).join('')}${EDGE_KEYS.map((column) => `  <key id="e_${column}" for="edge" attr.name="${column}" attr.type="string"/>\n`).join('')}  <graph id="coopgraph" edgedefault="${graph.directed ? 'directed' : 'undirected'}">
    <data key="g_truncated">${String(graph.truncated)}</data>
`;
  for (const node of graph.nodes) {
    const row = toNodeRow(node);
    yield `    <node id="${escapeXml(node.id)}">\n${dataElements('n', NODE_KEYS, row)}    </node>\n`;
  }
  for (const edge of graph.edges) {
    const row = toEdgeRow(edge);
    yield `    <edge id="${escapeXml(edge.id)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}">\n${dataElements('e', EDGE_KEYS, row)}    </edge>\n`;
  }
  yield '  </graph>\n</graphml>\n';
}

/** `writeGraphml` as one string. */
export function serializeGraphml(graph: ExportGraph): string {
  return [...writeGraphml(graph)].join('');
}

function dataElements<Column extends string>(
  prefix: string,
  columns: readonly Column[],
  row: Record<Column, string | null>,
): string {
  let out = '';
  for (const column of columns) {
    const value = row[column];
    if (value !== null) out += `      <data key="${prefix}_${column}">${escapeXml(value)}</data>\n`;
  }
  return out;
}

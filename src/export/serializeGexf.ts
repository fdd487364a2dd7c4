import type { ExportGraph } from './ExportGraph.js';
import { escapeXml } from './escapeXml.js';
import { EDGE_COLUMNS, NODE_COLUMNS, toEdgeRow, toNodeRow } from './exportColumns.js';

const GEXF_NS = 'http://gexf.net/1.3';
/** Node columns written as attvalues; `label` is the node's own label. */
const NODE_ATTRIBUTES = NODE_COLUMNS.filter((column) => column !== 'id' && column !== 'label');
/** Edge columns written as attvalues; `label` is the edge's own label. */
const EDGE_ATTRIBUTES = EDGE_COLUMNS.filter(
  (column) => column !== 'id' && column !== 'source' && column !== 'target' && column !== 'label',
);

/**
 * A GEXF `start` (open-ended spell: from then on) for Gephi's timeline; a year or month starts on its first day, since
 * `timeformat="date"` takes full dates only. Elements without one exist at every time.
 */
function startAttribute(date: string | null): string {
  if (date === null) return '';
  const full = /^\d{4}$/.test(date) ? `${date}-01-01` : /^\d{4}-\d{2}$/.test(date) ? `${date}-01` : date;
  return /^\d{4}-\d{2}-\d{2}$/.test(full) ? ` start="${full}"` : '';
}

/**
 * GEXF 1.3 for Gephi, a dynamic graph: an agreement's node starts at its signing, an event's at its date, and an
 * edge at its `date`, so that the timeline filters by date. Node and edge `label` are the display labels, every other export column is a string
 * `attvalue` (left out when null); whether `limit` cut the network is said in the meta description. Written one
 * element at a time (a chunk per node or edge), so that no copy of the whole network is built.
 */
export function* writeGexf(graph: ExportGraph): Generator<string> {
  const declarations = (kind: string, columns: readonly string[]) =>
    `    <attributes class="${kind}">\n${columns.map((column) => `      <attribute id="${column}" title="${column}" type="string"/>\n`).join('')}    </attributes>\n`;
  yield `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="${GEXF_NS}" version="1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${GEXF_NS} ${GEXF_NS}/gexf.xsd">
  <meta>
    <creator>coopgraph</creator>
    <description>${graph.truncated ? 'coopgraph network (truncated by limit)' : 'coopgraph network'}</description>
  </meta>
  <graph mode="dynamic" timeformat="date" defaultedgetype="${graph.directed ? 'directed' : 'undirected'}">
${declarations('node', NODE_ATTRIBUTES)}${declarations('edge', EDGE_ATTRIBUTES)}    <nodes>
`;
  for (const node of graph.nodes) {
    const row = toNodeRow(node);
    yield `      <node id="${escapeXml(node.id)}" label="${escapeXml(node.label)}"${startAttribute(node.start)}>\n${attvalues(NODE_ATTRIBUTES, row)}      </node>\n`;
  }
  yield '    </nodes>\n    <edges>\n';
  for (const edge of graph.edges) {
    const row = toEdgeRow(edge);
    const attributes = `id="${escapeXml(edge.id)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}" label="${escapeXml(edge.label)}"${startAttribute(edge.date)}`;
    yield `      <edge ${attributes}>\n${attvalues(EDGE_ATTRIBUTES, row)}      </edge>\n`;
  }
  yield '    </edges>\n  </graph>\n</gexf>\n';
}

/** `writeGexf` as one string. */
export function serializeGexf(graph: ExportGraph): string {
  return [...writeGexf(graph)].join('');
}

function attvalues<Column extends string>(columns: readonly Column[], row: Record<Column, string | null>): string {
  let out = '';
  for (const column of columns) {
    const value = row[column];
    if (value !== null) out += `          <attvalue for="${column}" value="${escapeXml(value)}"/>\n`;
  }
  return out === '' ? '' : `        <attvalues>\n${out}        </attvalues>\n`;
}

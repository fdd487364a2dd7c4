import { MultiDirectedGraph } from 'graphology';
import type { ExportGraph } from './ExportGraph.js';
import { toEdgeRow, toNodeRow, type EdgeColumn, type NodeColumn } from './exportColumns.js';
import { toXmlText } from './toXmlText.js';

export type FlatNodeAttributes = Partial<Record<Exclude<NodeColumn, 'id'>, string>>;
export type FlatEdgeAttributes = Partial<Record<Exclude<EdgeColumn, 'id' | 'source' | 'target'>, string>>;

/**
 * The graph as a graphology multigraph (two entities may be joined by several relations) whose attributes are the
 * export columns, XML-safe, with null values left out. Throws when an edge's end is not among the nodes.
 */
export function toGraphology(graph: ExportGraph): MultiDirectedGraph<FlatNodeAttributes, FlatEdgeAttributes> {
  const result = new MultiDirectedGraph<FlatNodeAttributes, FlatEdgeAttributes>();
  for (const node of graph.nodes) {
    const { id, ...row } = toNodeRow(node);
    result.addNode(id, withoutNulls(row));
  }
  for (const edge of graph.edges) {
    const { id, source, target, ...row } = toEdgeRow(edge);
    if (source === null || target === null) throw new Error(`Edge ${edge.id} has no end.`);
    result.addDirectedEdgeWithKey(id, source, target, withoutNulls(row));
  }
  return result;
}

function withoutNulls<K extends string>(row: Record<K, string | null>): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const key of Object.keys(row) as K[]) {
    const value = row[key];
    if (value !== null) out[key] = toXmlText(value);
  }
  return out;
}

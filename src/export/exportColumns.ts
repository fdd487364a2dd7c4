import type { ExportEdge, ExportNode } from './ExportGraph.js';

/**
 * The flat attributes every tabular or XML export carries, in column order. Lists (aliases, evidence) are JSON text so
 * that any reader gets them back losslessly (`json.loads` in Python); the relation type is `relation_type` because
 * Gephi's spreadsheet import reserves an edge column named `type` for directed/undirected.
 */
export const NODE_COLUMNS = [
  'id',
  'label',
  'kind',
  'name_en',
  'name_ru',
  'name_kk',
  'aliases',
  'start',
  'degree',
  'betweenness',
  'community',
  'attributes',
  'evidence',
] as const;
export const EDGE_COLUMNS = [
  'id',
  'source',
  'target',
  'relation_type',
  'label',
  'role',
  'date',
  'evidence',
  'basis',
  'inference',
] as const;

export type NodeColumn = (typeof NODE_COLUMNS)[number];
export type EdgeColumn = (typeof EDGE_COLUMNS)[number];

/**
 * A node as flat text values; null where the graph has no value (no name in that language). `attributes` is a JSON
 * array of `{ key, value, unit, qualifier, evidence }`, `evidence` one like an edge's.
 */
export function toNodeRow(node: ExportNode): Record<NodeColumn, string | null> {
  return {
    id: node.id,
    label: node.label,
    kind: node.kind,
    name_en: node.names.en,
    name_ru: node.names.ru,
    name_kk: node.names.kk,
    aliases: JSON.stringify(node.aliases),
    start: node.start,
    degree: String(node.measures.degree),
    betweenness: String(node.measures.betweenness),
    community: String(node.measures.community),
    attributes: JSON.stringify(node.attributes),
    evidence: JSON.stringify(node.evidence),
  };
}

/**
 * An edge as flat text values; `evidence` is a JSON array of `{ excerpt, sourceId, sourceTitle, publisher,
 * publishedOn, url }`; `basis` is STATED or INFERRED.
 */
export function toEdgeRow(edge: ExportEdge): Record<EdgeColumn, string | null> {
  return {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    relation_type: edge.type,
    label: edge.label,
    role: edge.role,
    date: edge.date,
    evidence: JSON.stringify(edge.evidence),
    basis: edge.basis,
    inference: edge.inference,
  };
}

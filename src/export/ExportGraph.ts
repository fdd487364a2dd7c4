/**
 * A network ready to export: the `network` query's result with every entity's names, aliases and every relation's
 * evidence resolved. Every edge's `source` and `target` are among `nodes`.
 */
export interface ExportGraph {
  nodes: { id: string; kind: string; label: string; names: { en: string | null; ru: string | null; kk: string | null }; aliases: string[] }[];
  edges: { id: string; source: string; target: string; type: string; label: string; role: string | null; evidence: { excerpt: string; sourceId: string }[]; basis: 'STATED' | 'INFERRED'; inference: string | null }[];
  truncated: boolean;
}

export type ExportNode = ExportGraph['nodes'][number];
export type ExportEdge = ExportGraph['edges'][number];

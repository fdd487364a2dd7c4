import type { ExportGraph } from './ExportGraph.js';

/** Cytoscape.js `elements` JSON (also read by Cytoscape desktop): lists stay JSON arrays, nulls stay null. */
export interface CytoscapeJson {
  data: { name: string; truncated: boolean };
  elements: {
    nodes: { data: { id: string; label: string; kind: string; name_en: string | null; name_ru: string | null; name_kk: string | null; aliases: string[] } }[];
    edges: { data: { id: string; source: string; target: string; type: string; label: string; role: string | null; evidence: { excerpt: string; sourceId: string }[] } }[];
  };
}

/** The graph in the shape `cytoscape({ elements })` and `cy.json()` use; the relation type keeps its GraphQL name `type`. */
export function toCytoscapeJson(graph: ExportGraph): CytoscapeJson {
  return {
    data: { name: 'coopgraph network', truncated: graph.truncated },
    elements: {
      nodes: graph.nodes.map((node) => ({
        data: { id: node.id, label: node.label, kind: node.kind, name_en: node.names.en, name_ru: node.names.ru, name_kk: node.names.kk, aliases: [...node.aliases] },
      })),
      edges: graph.edges.map((edge) => ({
        data: {
          id: edge.id,
          source: edge.source,
          target: edge.target,
          type: edge.type,
          label: edge.label,
          role: edge.role,
          evidence: edge.evidence.map(({ excerpt, sourceId }) => ({ excerpt, sourceId })),
        },
      })),
    },
  };
}

/** `toCytoscapeJson` as pretty-printed JSON text. */
export function serializeCytoscapeJson(graph: ExportGraph): string {
  return `${JSON.stringify(toCytoscapeJson(graph), null, 2)}\n`;
}

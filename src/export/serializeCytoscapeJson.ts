import type { ExportAttribute, ExportEdge, ExportEvidence, ExportGraph, ExportNode } from './ExportGraph.js';

/** Cytoscape.js `elements` JSON (also read by Cytoscape desktop): lists stay JSON arrays, nulls stay null. */
export interface CytoscapeJson {
  data: { name: string; truncated: boolean; directed: boolean };
  elements: {
    nodes: {
      data: {
        id: string;
        label: string;
        kind: string;
        name_en: string | null;
        name_ru: string | null;
        name_kk: string | null;
        aliases: string[];
        start: string | null;
        degree: number;
        betweenness: number;
        community: number;
        attributes: ExportAttribute[];
        evidence: ExportEvidence[];
      };
    }[];
    edges: {
      data: {
        id: string;
        source: string;
        target: string;
        type: string;
        label: string;
        role: string | null;
        date: string | null;
        evidence: ExportEvidence[];
        basis: string;
        inference: string | null;
      };
    }[];
  };
}

type CytoscapeNode = CytoscapeJson['elements']['nodes'][number];
type CytoscapeEdge = CytoscapeJson['elements']['edges'][number];

/** The graph in the shape `cytoscape({ elements })` and `cy.json()` use; the relation type keeps its GraphQL name `type`. */
export function toCytoscapeJson(graph: ExportGraph): CytoscapeJson {
  return {
    data: { name: 'coopgraph network', truncated: graph.truncated, directed: graph.directed },
    elements: { nodes: graph.nodes.map(toCytoscapeNode), edges: graph.edges.map(toCytoscapeEdge) },
  };
}

function toCytoscapeNode(node: ExportNode): CytoscapeNode {
  const { id, label, kind, names, aliases, start, measures, attributes, evidence } = node;
  return {
    data: {
      id,
      label,
      kind,
      name_en: names.en,
      name_ru: names.ru,
      name_kk: names.kk,
      aliases: [...aliases],
      start,
      ...measures,
      attributes,
      evidence,
    },
  };
}

function toCytoscapeEdge(edge: ExportEdge): CytoscapeEdge {
  return {
    data: {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      type: edge.type,
      label: edge.label,
      role: edge.role,
      date: edge.date,
      evidence: edge.evidence,
      basis: edge.basis,
      inference: edge.inference,
    },
  };
}

/**
 * `toCytoscapeJson` as JSON text, one element a line, written element by element so that the whole document never
 * exists at once (`JSON.stringify` of a large network would need it in memory twice: as objects and as text).
 */
export function* writeCytoscapeJson(graph: ExportGraph): Generator<string> {
  yield `{"data":${JSON.stringify({ name: 'coopgraph network', truncated: graph.truncated, directed: graph.directed })},\n"elements":{"nodes":[`;
  let separator = '\n';
  for (const node of graph.nodes) {
    yield `${separator}${JSON.stringify(toCytoscapeNode(node))}`;
    separator = ',\n';
  }
  yield '\n],"edges":[';
  separator = '\n';
  for (const edge of graph.edges) {
    yield `${separator}${JSON.stringify(toCytoscapeEdge(edge))}`;
    separator = ',\n';
  }
  yield '\n]}}\n';
}

/** `writeCytoscapeJson` as one string. */
export function serializeCytoscapeJson(graph: ExportGraph): string {
  return [...writeCytoscapeJson(graph)].join('');
}

/**
 * A network ready to export: the `network` query's result with every entity's names, aliases, attributes and every
 * fact's evidence resolved, each excerpt with its source's title, publisher, date and URL. Every edge's `source` and
 * `target` are among `nodes`.
 */
export interface ExportGraph {
  nodes: {
    id: string;
    kind: string;
    label: string;
    /** Degree, betweenness and Louvain community within this network (see `NetworkNode`). */
    measures: { degree: number; betweenness: number; community: number };
    names: { en: string | null; ru: string | null; kk: string | null };
    aliases: string[];
    attributes: ExportAttribute[];
    /** The entity's own evidence: the excerpts that show it exists as described. */
    evidence: ExportEvidence[];
    /** When it began, for timelines: an agreement's signing date, an event's date or year; null when unknown. */
    start: string | null;
  }[];
  edges: {
    id: string;
    source: string;
    target: string;
    type: string;
    label: string;
    role: string | null;
    /** The relation's date (see `NetworkEdge.date`): `2025-09-09`, `2025-09` or `2024`; null when undated. */
    date: string | null;
    evidence: ExportEvidence[];
    basis: 'STATED' | 'INFERRED';
    /** The reasoning, when `basis` is INFERRED. */
    inference: string | null;
  }[];
  truncated: boolean;
  /** False when asked with `undirected=true`: formats that can say so write the edges as undirected. */
  directed: boolean;
}

/** A verbatim excerpt with what a citation needs of its source. */
export interface ExportEvidence {
  excerpt: string;
  sourceId: string;
  sourceTitle: string;
  publisher: string | null;
  publishedOn: string | null;
  url: string | null;
}

/** A typed figure or property of an entity, as `Attribute` in the schema. */
export interface ExportAttribute {
  key: string;
  value: string;
  unit: string | null;
  qualifier: string | null;
  evidence: ExportEvidence[];
}

export type ExportNode = ExportGraph['nodes'][number];
export type ExportEdge = ExportGraph['edges'][number];

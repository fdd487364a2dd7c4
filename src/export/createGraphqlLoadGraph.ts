import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { z } from 'zod';
import type { ExportEvidence, ExportGraph } from './ExportGraph.js';
import type { ExportQuery } from './parseExportQuery.js';

/**
 * Runs one GraphQL operation against this API's own schema, such as Apollo's `executeOperation`; once `signal`
 * aborts, its database work should stop.
 */
export type ExecuteGraphql = (
  query: string,
  variables: Record<string, unknown>,
  signal: AbortSignal,
) => Promise<{ data?: unknown; errors?: readonly GraphQLFormattedError[] }>;

/**
 * `network` with what exports carry: nodes with their names, attributes and evidence, edges with their role, date
 * and evidence, and the sources that evidence cites (asked once, not per excerpt).
 */
export const EXPORT_NETWORK_QUERY = /* GraphQL */ `
  query ExportNetwork($ids: [ID!]!, $depth: Int, $limit: Int, $lang: Lang, $filter: NetworkFilter) {
    network(ids: $ids, depth: $depth, limit: $limit, lang: $lang, filter: $filter) {
      truncated
      nodes {
        id
        kind
        label
        degree
        betweenness
        community
        entity {
          names {
            lang
            value
          }
          aliases
          attributes {
            key
            value
            unit
            qualifier
            evidence {
              excerpt
              source {
                id
              }
            }
          }
          evidence {
            excerpt
            source {
              id
            }
          }
        }
      }
      edges {
        id
        source
        target
        type
        label
        role
        date
        evidence {
          excerpt
          source {
            id
          }
        }
        basis
        inference
      }
    }
    sources {
      id
      title
      publisher
      publishedOn
      url
    }
  }
`;

/**
 * The cost limit exports run under instead of LIMIT_MAX_COST: the export's query is the server's own and
 * `parseExportQuery` bounds its arguments, so this only has to admit that query at its largest `limit`. At
 * `limit=5000` `fieldCost` estimates it at 3,315,060: attributes with their evidence 2,265,000 (the estimator's 10
 * attributes of 10 excerpts per node; the seed has at most 7 of 2), edges with evidence 725,000, entity evidence
 * 215,000, names and aliases 110,000. What a large export really reads is bounded by LIMIT_MAX_READ_BYTES and
 * OPERATION_TIMEOUT_MS like any answer.
 */
export const EXPORT_MAX_COST = 3_500_000;

const evidenceSchema = z.array(z.object({ excerpt: z.string(), source: z.object({ id: z.string() }) }));

const resultSchema = z.object({
  sources: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      publisher: z.string().nullable(),
      publishedOn: z.string().nullable(),
      url: z.string().nullable(),
    }),
  ),
  network: z.object({
    truncated: z.boolean(),
    nodes: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        label: z.string(),
        degree: z.number(),
        betweenness: z.number(),
        community: z.number(),
        entity: z.object({
          names: z.array(z.object({ lang: z.enum(['EN', 'RU', 'KK']), value: z.string() })),
          aliases: z.array(z.string()),
          attributes: z.array(
            z.object({
              key: z.string(),
              value: z.string(),
              unit: z.string().nullable(),
              qualifier: z.string().nullable(),
              evidence: evidenceSchema,
            }),
          ),
          evidence: evidenceSchema,
        }),
      }),
    ),
    edges: z.array(
      z.object({
        id: z.string(),
        source: z.string(),
        target: z.string(),
        type: z.string(),
        label: z.string(),
        role: z.string().nullable(),
        date: z.string().nullable(),
        evidence: evidenceSchema,
        basis: z.enum(['STATED', 'INFERRED']),
        inference: z.string().nullable(),
      }),
    ),
  }),
});

/**
 * A `loadGraph` for `createExportRouter` that asks this API's own `network` query, so that an export always equals
 * what the query answers. The first GraphQL error is rethrown as a GraphQLError with its `extensions` (and so its code).
 */
export function createGraphqlLoadGraph(
  execute: ExecuteGraphql,
): (args: ExportQuery, signal: AbortSignal) => Promise<ExportGraph> {
  return async (args, signal) => {
    const { ids, depth, limit, lang, types, kinds, excludeKinds, from, to } = args;
    const filter = { types, kinds, excludeKinds, from, to };
    const result = await execute(EXPORT_NETWORK_QUERY, { ids, depth, limit, lang, filter }, signal);
    const [error] = result.errors ?? [];
    if (error) throw new GraphQLError(error.message, { extensions: error.extensions ?? {} });
    const { network, sources } = resultSchema.parse(result.data);
    const sourceById = new Map(sources.map((source) => [source.id, source]));
    const cite = (evidence: z.infer<typeof evidenceSchema>): ExportEvidence[] =>
      evidence.map(({ excerpt, source: { id } }) => {
        const source = sourceById.get(id);
        return {
          excerpt,
          sourceId: id,
          sourceTitle: source?.title ?? id,
          publisher: source?.publisher ?? null,
          publishedOn: source?.publishedOn ?? null,
          url: source?.url ?? null,
        };
      });
    return {
      truncated: network.truncated,
      directed: !args.undirected,
      nodes: network.nodes.map((node) => ({
        id: node.id,
        kind: node.kind,
        label: node.label,
        measures: { degree: node.degree, betweenness: node.betweenness, community: node.community },
        names: {
          en: node.entity.names.find((name) => name.lang === 'EN')?.value ?? null,
          ru: node.entity.names.find((name) => name.lang === 'RU')?.value ?? null,
          kk: node.entity.names.find((name) => name.lang === 'KK')?.value ?? null,
        },
        aliases: node.entity.aliases,
        attributes: node.entity.attributes.map((attribute) => ({ ...attribute, evidence: cite(attribute.evidence) })),
        evidence: cite(node.entity.evidence),
        start: startOf(node.kind, node.entity.attributes),
      })),
      edges: network.edges.map((edge) => ({
        id: edge.id,
        source: edge.source,
        target: edge.target,
        type: edge.type,
        label: edge.label,
        role: edge.role,
        date: edge.date,
        evidence: cite(edge.evidence),
        basis: edge.basis,
        inference: edge.inference,
      })),
    };
  };
}

/** Attribute keys that date an entity's start, by kind: the timeline position Gephi and other tools filter on. */
const START_KEYS: Readonly<Record<string, readonly string[]>> = { AGREEMENT: ['signedOn'], EVENT: ['date', 'year'] };

function startOf(kind: string, attributes: readonly { key: string; value: string }[]): string | null {
  for (const key of START_KEYS[kind] ?? []) {
    const attribute = attributes.find((candidate) => candidate.key === key);
    if (attribute) return attribute.value;
  }
  return null;
}

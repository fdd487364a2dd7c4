import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { z } from 'zod';
import type { ExportGraph } from './ExportGraph.js';
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

/** `network` with what exports carry: nodes with their names, edges with their role and evidence. */
export const EXPORT_NETWORK_QUERY = /* GraphQL */ `
  query ExportNetwork($ids: [ID!]!, $depth: Int, $limit: Int, $lang: Lang) {
    network(ids: $ids, depth: $depth, limit: $limit, lang: $lang) {
      truncated
      nodes {
        id
        kind
        label
        entity { names { lang value } aliases }
      }
      edges { id source target type label role evidence { excerpt source { id } } basis inference }
    }
  }
`;

/**
 * The cost limit exports run under instead of LIMIT_MAX_COST: the export's query is the server's own and
 * `parseExportQuery` bounds its arguments; at `limit=5000` it is estimated at 835,000 (5000 nodes, 3 edges each with
 * their evidence). What a large export reads is bounded by LIMIT_MAX_READ_BYTES like any answer.
 */
export const EXPORT_MAX_COST = 1_000_000;

const resultSchema = z.object({
  network: z.object({
    truncated: z.boolean(),
    nodes: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        label: z.string(),
        entity: z.object({
          names: z.array(z.object({ lang: z.enum(['EN', 'RU', 'KK']), value: z.string() })),
          aliases: z.array(z.string()),
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
        evidence: z.array(z.object({ excerpt: z.string(), source: z.object({ id: z.string() }) })),
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
export function createGraphqlLoadGraph(execute: ExecuteGraphql): (args: ExportQuery, signal: AbortSignal) => Promise<ExportGraph> {
  return async (args, signal) => {
    const result = await execute(EXPORT_NETWORK_QUERY, { ...args }, signal);
    const [error] = result.errors ?? [];
    if (error) throw new GraphQLError(error.message, { extensions: error.extensions ?? {} });
    const { network } = resultSchema.parse(result.data);
    return {
      truncated: network.truncated,
      nodes: network.nodes.map((node) => ({
        id: node.id,
        kind: node.kind,
        label: node.label,
        names: {
          en: node.entity.names.find((name) => name.lang === 'EN')?.value ?? null,
          ru: node.entity.names.find((name) => name.lang === 'RU')?.value ?? null,
          kk: node.entity.names.find((name) => name.lang === 'KK')?.value ?? null,
        },
        aliases: node.entity.aliases,
      })),
      edges: network.edges.map((edge) => ({
        id: edge.id,
        source: edge.source,
        target: edge.target,
        type: edge.type,
        label: edge.label,
        role: edge.role,
        evidence: edge.evidence.map((evidence) => ({ excerpt: evidence.excerpt, sourceId: evidence.source.id })),
        basis: edge.basis,
        inference: edge.inference,
      })),
    };
  };
}

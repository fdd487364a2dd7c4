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

/** `network` with what exports carry; roles are read from the entities' relations because `NetworkEdge` has only a label. */
export const EXPORT_NETWORK_QUERY = /* GraphQL */ `
  query ExportNetwork($ids: [ID!]!, $depth: Int, $limit: Int, $lang: Lang) {
    network(ids: $ids, depth: $depth, limit: $limit, lang: $lang) {
      truncated
      nodes {
        id
        kind
        label
        entity { names { lang value } aliases relations(first: 1000) { id role } }
      }
      edges { id source target type label evidence { excerpt source { id } } }
    }
  }
`;

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
          relations: z.array(z.object({ id: z.string(), role: z.string().nullable() })),
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
        evidence: z.array(z.object({ excerpt: z.string(), source: z.object({ id: z.string() }) })),
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
    const roles = new Map(network.nodes.flatMap((node) => node.entity.relations.map((relation) => [relation.id, relation.role] as const)));
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
        role: roles.get(edge.id) ?? null,
        evidence: edge.evidence.map((evidence) => ({ excerpt: evidence.excerpt, sourceId: evidence.source.id })),
      })),
    };
  };
}

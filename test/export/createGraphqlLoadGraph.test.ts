import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createGraphqlLoadGraph, EXPORT_NETWORK_QUERY } from '../../src/export/createGraphqlLoadGraph.js';

const networkData = {
  network: {
    truncated: false,
    nodes: [
      {
        id: 'organization/ktz',
        kind: 'ORGANIZATION',
        label: 'Kazakhstan Temir Zholy',
        entity: {
          names: [{ lang: 'EN', value: 'Kazakhstan Temir Zholy' }, { lang: 'KK', value: 'Қазақстан темір жолы' }],
          aliases: ['КТЖ'],
        },
      },
      { id: 'agreement/a', kind: 'AGREEMENT', label: 'A', entity: { names: [], aliases: [] } },
    ],
    edges: [
      { id: 'relation/1', source: 'organization/ktz', target: 'agreement/a', type: 'PARTY_TO', label: 'party', role: 'party', evidence: [{ excerpt: 'АО «КТЖ»', source: { id: 'source/s' } }] },
    ],
  },
};

describe('createGraphqlLoadGraph', () => {
  it('asks network with the export arguments and maps the answer to an ExportGraph', async () => {
    const seen: [string, Record<string, unknown>][] = [];
    const loadGraph = createGraphqlLoadGraph(async (query, variables) => {
      seen.push([query, variables]);
      return { data: networkData };
    });
    const filter = { types: ['PARTY_TO'], kinds: null, excludeKinds: ['STATEMENT' as const], from: '2024-01-01', to: null };
    const graph = await loadGraph({ ids: ['organization/ktz'], depth: 2, limit: 10, lang: 'KK', ...filter, undirected: true }, new AbortController().signal);
    expect(seen).toEqual([[EXPORT_NETWORK_QUERY, { ids: ['organization/ktz'], depth: 2, limit: 10, lang: 'KK', filter }]]);
    expect(graph.directed).toBe(false);
    expect(graph.nodes[0]).toEqual({
      id: 'organization/ktz',
      kind: 'ORGANIZATION',
      label: 'Kazakhstan Temir Zholy',
      names: { en: 'Kazakhstan Temir Zholy', ru: null, kk: 'Қазақстан темір жолы' },
      aliases: ['КТЖ'],
    });
    expect(graph.edges).toEqual([
      { id: 'relation/1', source: 'organization/ktz', target: 'agreement/a', type: 'PARTY_TO', label: 'party', role: 'party', evidence: [{ excerpt: 'АО «КТЖ»', sourceId: 'source/s' }] },
    ]);
  });

  it('rethrows the first GraphQL error with its code', async () => {
    const loadGraph = createGraphqlLoadGraph(async () => ({ errors: [{ message: 'Argument "depth": too deep', extensions: { code: 'BAD_USER_INPUT' } }] }));
    const failure = loadGraph({ ids: ['organization/ktz'], depth: 1, limit: 1, lang: 'EN', types: null, kinds: null, excludeKinds: null, from: null, to: null, undirected: false }, new AbortController().signal);
    await expect(failure).rejects.toBeInstanceOf(GraphQLError);
    await expect(failure).rejects.toMatchObject({ message: 'Argument "depth": too deep', extensions: { code: 'BAD_USER_INPUT' } });
  });
});

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
        degree: 1,
        betweenness: 0,
        community: 0,
        entity: {
          names: [
            { lang: 'EN', value: 'Kazakhstan Temir Zholy' },
            { lang: 'KK', value: 'Қазақстан темір жолы' },
          ],
          aliases: ['КТЖ'],
          attributes: [
            {
              key: 'legalForm',
              value: 'JSC',
              unit: null,
              qualifier: null,
              evidence: [{ excerpt: 'АО «КТЖ»', source: { id: 'source/s' } }],
            },
          ],
          evidence: [{ excerpt: 'АО «КТЖ»', source: { id: 'source/s' } }],
        },
      },
      {
        id: 'agreement/a',
        kind: 'AGREEMENT',
        label: 'A',
        degree: 1,
        betweenness: 0,
        community: 0,
        entity: {
          names: [],
          aliases: [],
          attributes: [{ key: 'signedOn', value: '2025-09', unit: null, qualifier: null, evidence: [] }],
          evidence: [],
        },
      },
    ],
    edges: [
      {
        id: 'relation/1',
        source: 'organization/ktz',
        target: 'agreement/a',
        type: 'PARTY_TO',
        label: 'party',
        role: 'party',
        date: '2025-09',
        evidence: [{ excerpt: 'АО «КТЖ»', source: { id: 'source/s' } }],
        basis: 'INFERRED',
        inference: 'Read from the list of parties.',
      },
    ],
  },
  sources: [{ id: 'source/s', title: 'S', publisher: 'P', publishedOn: '2025-09-09', url: 'https://example.org/s' }],
};

const CITED = {
  excerpt: 'АО «КТЖ»',
  sourceId: 'source/s',
  sourceTitle: 'S',
  publisher: 'P',
  publishedOn: '2025-09-09',
  url: 'https://example.org/s',
};

describe('createGraphqlLoadGraph', () => {
  it('asks network with the export arguments and filter, and maps the answer with cited evidence to an ExportGraph', async () => {
    const seen: [string, Record<string, unknown>][] = [];
    const loadGraph = createGraphqlLoadGraph(async (query, variables) => {
      seen.push([query, variables]);
      return { data: networkData };
    });
    const filter = {
      types: ['PARTY_TO'],
      kinds: null,
      excludeKinds: ['STATEMENT' as const],
      from: '2024-01-01',
      to: null,
    };
    const graph = await loadGraph(
      { ids: ['organization/ktz'], depth: 2, limit: 10, lang: 'KK', ...filter, undirected: true },
      new AbortController().signal,
    );
    expect(seen).toEqual([
      [EXPORT_NETWORK_QUERY, { ids: ['organization/ktz'], depth: 2, limit: 10, lang: 'KK', filter }],
    ]);
    expect(graph.directed).toBe(false);
    expect(graph.nodes[0]).toEqual({
      id: 'organization/ktz',
      kind: 'ORGANIZATION',
      label: 'Kazakhstan Temir Zholy',
      measures: { degree: 1, betweenness: 0, community: 0 },
      names: { en: 'Kazakhstan Temir Zholy', ru: null, kk: 'Қазақстан темір жолы' },
      aliases: ['КТЖ'],
      attributes: [{ key: 'legalForm', value: 'JSC', unit: null, qualifier: null, evidence: [CITED] }],
      evidence: [CITED],
      start: null,
    });
    // An agreement starts at its signing date.
    expect(graph.nodes[1]!.start).toBe('2025-09');
    expect(graph.edges).toEqual([
      {
        id: 'relation/1',
        source: 'organization/ktz',
        target: 'agreement/a',
        type: 'PARTY_TO',
        label: 'party',
        role: 'party',
        date: '2025-09',
        evidence: [CITED],
        basis: 'INFERRED',
        inference: 'Read from the list of parties.',
      },
    ]);
  });

  it('rethrows the first GraphQL error with its code', async () => {
    const loadGraph = createGraphqlLoadGraph(async () => ({
      errors: [{ message: 'Argument "depth": too deep', extensions: { code: 'BAD_USER_INPUT' } }],
    }));
    const failure = loadGraph(
      {
        ids: ['organization/ktz'],
        depth: 1,
        limit: 1,
        lang: 'EN',
        types: null,
        kinds: null,
        excludeKinds: null,
        from: null,
        to: null,
        undirected: false,
      },
      new AbortController().signal,
    );
    await expect(failure).rejects.toBeInstanceOf(GraphQLError);
    await expect(failure).rejects.toMatchObject({
      message: 'Argument "depth": too deep',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});

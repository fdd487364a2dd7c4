import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportGraph } from '../../src/export/ExportGraph.js';
import { createExportRouter } from '../../src/export/createExportRouter.js';
import type { ExportQuery } from '../../src/export/parseExportQuery.js';
import { sampleExportGraph } from './sampleExportGraph.js';

/** Serves the router with a stub `loadGraph` whose answer depends on the first id, and records its calls. */
async function startApp(): Promise<{ url: string; calls: ExportQuery[]; close(): Promise<void> }> {
  const calls: ExportQuery[] = [];
  const app = express();
  app.use(
    createExportRouter({
      loadGraph: async (args): Promise<ExportGraph> => {
        calls.push(args);
        if (args.ids[0] === 'organization/unknown') {
          throw new GraphQLError('Argument "ids": no entity "organization/unknown".', {
            extensions: { code: 'NOT_FOUND', ids: ['organization/unknown'] },
          });
        }
        if (args.ids[0] === 'organization/outage')
          throw Object.assign(new Error('Could not connect'), { code: 'ServiceUnavailable' });
        if (args.ids[0] === 'organization/bug') throw new Error('secret internals');
        return sampleExportGraph;
      },
    }),
  );
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('createExportRouter', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app.close();
  });

  async function errorOf(path: string): Promise<{ status: number; code: string; message: string }> {
    const response = await fetch(`${app.url}${path}`);
    const body = (await response.json()) as { error: { code: string; message: string } };
    return { status: response.status, ...body.error };
  }

  it.each([
    ['graphml', 'application/graphml+xml; charset=utf-8', 'coopgraph-organization-ktz.graphml'],
    ['gexf', 'application/gexf+xml; charset=utf-8', 'coopgraph-organization-ktz.gexf'],
    ['csv', 'application/zip', 'coopgraph-organization-ktz.csv.zip'],
    ['cytoscape', 'application/json; charset=utf-8', 'coopgraph-organization-ktz.cyjs'],
  ])('serves %s with its content type and a download file name', async (format, contentType, filename) => {
    const response = await fetch(`${app.url}/export/${format}?ids=organization/ktz`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(contentType);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${filename}"`);
    expect(response.headers.get('x-network-truncated')).toBe('true');
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(100);
  });

  it('passes ids given comma-separated and repeated, with depth, limit and lang, to loadGraph', async () => {
    const response = await fetch(
      `${app.url}/export/cytoscape?ids=organization/ktz,country/kazakhstan&ids=region/almaty-oblast&depth=3&limit=5000&lang=kk`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('coopgraph-organization-ktz-and-2-more.cyjs');
    expect(app.calls.at(-1)).toEqual({
      ids: ['organization/ktz', 'country/kazakhstan', 'region/almaty-oblast'],
      depth: 3,
      limit: 5000,
      lang: 'KK',
      types: null,
      kinds: null,
      excludeKinds: null,
      from: null,
      to: null,
      undirected: false,
    });
  });

  it('defaults depth to 1, limit to 200, lang to EN, no filter and directed edges', async () => {
    await fetch(`${app.url}/export/gexf?ids=organization/ktz`);
    expect(app.calls.at(-1)).toEqual({
      ids: ['organization/ktz'],
      depth: 1,
      limit: 200,
      lang: 'EN',
      types: null,
      kinds: null,
      excludeKinds: null,
      from: null,
      to: null,
      undirected: false,
    });
  });

  it.each([
    ['depth=0', 'depth', 'from 1 to 3'],
    ['depth=4', 'depth', 'from 1 to 3'],
    ['depth=1.5', 'depth', 'from 1 to 3'],
    ['limit=0', 'limit', 'from 1 to 5000'],
    ['limit=5001', 'limit', 'from 1 to 5000'],
    ['limit=lots', 'limit', 'from 1 to 5000'],
    ['lang=FR', 'lang', 'EN, RU, KK'],
  ])('answers 400 naming the argument for %s', async (query, argument, range) => {
    const error = await errorOf(`/export/graphml?ids=organization/ktz&${query}`);
    expect(error).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
    expect(error.message).toContain(`"${argument}"`);
    expect(error.message).toContain(range);
  });

  it.each([
    ['no ids', '', '1 to 50'],
    ['an empty list', 'ids=,', '1 to 50'],
    ['51 ids', `ids=${Array.from({ length: 51 }, (_, i) => `country/c${i}`).join(',')}`, '1 to 50'],
    ['an id that is not kind/slug', 'ids=organization/ktz,<script>', 'kind/slug'],
  ])('answers 400 naming ids for %s', async (_case, query, range) => {
    const error = await errorOf(`/export/csv?${query}`);
    expect(error).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
    expect(error.message).toContain('"ids"');
    expect(error.message).toContain(range);
  });

  it('answers 404 for an unknown format, listing the formats', async () => {
    const error = await errorOf('/export/pdf?ids=organization/ktz');
    expect(error.status).toBe(404);
    expect(error.message).toContain('graphml, gexf, csv, cytoscape');
  });

  it('answers 404 NOT_FOUND with the unknown ids when loadGraph finds none', async () => {
    const response = await fetch(`${app.url}/export/gexf?ids=organization/unknown`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: {
        code: 'NOT_FOUND',
        message: 'Argument "ids": no entity "organization/unknown".',
        ids: ['organization/unknown'],
      },
    });
  });

  it('answers 503 SERVICE_UNAVAILABLE with Retry-After when Neo4j cannot be reached', async () => {
    const response = await fetch(`${app.url}/export/gexf?ids=organization/outage`);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await response.json()).toMatchObject({ error: { code: 'SERVICE_UNAVAILABLE' } });
  });

  it('answers 500 without the internal message for anything else', async () => {
    const error = await errorOf('/export/gexf?ids=organization/bug');
    expect(error).toMatchObject({ status: 500, code: 'INTERNAL_SERVER_ERROR' });
    expect(error.message).not.toContain('secret');
  });
});

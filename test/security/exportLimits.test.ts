import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeadlineDatabase } from '../../src/export/createDeadlineDatabase.js';
import { createExportRouter, type ExportRouterOptions } from '../../src/export/createExportRouter.js';
import type { CytoscapeJson } from '../../src/export/serializeCytoscapeJson.js';
import { createDriver } from '../../src/neo4j/createDriver.js';
import { isTransactionTimeout } from '../../src/server/isTransactionTimeout.js';
import { sampleExportGraph } from '../export/sampleExportGraph.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';
import { sharedNeo4j } from '../support/sharedNeo4j.js';

interface ExportErrorBody {
  error: { code: string; message: string; requestId?: string };
}

/** A promise with its resolver, to hold a stub `loadGraph` until the test lets it go. */
function gate(): { opened: Promise<void>; open(): void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

async function serveRouter(options: ExportRouterOptions): Promise<{ url: string; close(): Promise<void> }> {
  const app = express();
  app.use(createExportRouter(options));
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const WORST = '/export/graphml?ids=organization/ktz&depth=3&limit=5000';

describe('exports against the real server (issue 20, repro 8)', () => {
  let hasty: TestServer;
  let normal: TestServer;

  beforeAll(async () => {
    hasty = await startTestServer({ operationTimeoutMs: 1 });
    normal = await startTestServer();
  });
  afterAll(async () => {
    await hasty.close();
    await normal.close();
  });

  it('answers 504 OPERATION_TIMEOUT in JSON, with the request id, when the network does not load in time', async () => {
    const response = await fetch(`${hasty.url}${WORST}`, { headers: { 'x-request-id': 'export-timeout-1' } });
    expect(response.status).toBe(504);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('x-request-id')).toBe('export-timeout-1');
    expect(await response.json()).toEqual({
      error: {
        code: 'OPERATION_TIMEOUT',
        message: expect.stringContaining('smaller depth or limit'),
        requestId: 'export-timeout-1',
      },
    });
  });

  it('streams an export that parses whole', async () => {
    const response = await fetch(`${normal.url}/export/cytoscape?ids=organization/ktz&depth=2&limit=1000`);
    expect(response.status).toBe(200);
    const json = (await response.json()) as CytoscapeJson;
    expect(json.elements.nodes.length).toBeGreaterThan(1);
    expect(json.elements.nodes.map((node) => node.data.id)).toContain('organization/ktz');
    const ids = new Set(json.elements.nodes.map((node) => node.data.id));
    for (const edge of json.elements.edges) expect(ids.has(edge.data.source) && ids.has(edge.data.target)).toBe(true);
  });
});

describe('createExportRouter limits', () => {
  it('refuses exports over the concurrency limit with 503 and Retry-After, and takes them again once one ends', async () => {
    const held = gate();
    const app = await serveRouter({ maxConcurrent: 2, loadGraph: async () => (await held.opened, sampleExportGraph) });
    try {
      const first = fetch(`${app.url}/export/csv?ids=organization/a`);
      const second = fetch(`${app.url}/export/csv?ids=organization/b`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const refused = await fetch(`${app.url}/export/csv?ids=organization/c`);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('5');
      const body = (await refused.json()) as ExportErrorBody;
      expect(body.error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', requestId: refused.headers.get('x-request-id') });
      expect(body.error.message).toContain('2 exports');
      held.open();
      expect((await first).status).toBe(200);
      expect((await second).status).toBe(200);
      expect((await fetch(`${app.url}/export/csv?ids=organization/d`)).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('answers 504 at the deadline, aborts loadGraph, and keeps the slot until loadGraph stops', async () => {
    const held = gate();
    let aborted: unknown = null;
    const app = await serveRouter({
      maxConcurrent: 1,
      timeoutMs: 100,
      loadGraph: async (_args, signal) => {
        signal.addEventListener('abort', () => (aborted = signal.reason));
        await held.opened;
        return sampleExportGraph;
      },
    });
    try {
      const timedOut = await fetch(`${app.url}/export/gexf?ids=organization/a`);
      expect(timedOut.status).toBe(504);
      expect(((await timedOut.json()) as ExportErrorBody).error.code).toBe('OPERATION_TIMEOUT');
      expect(aborted).toMatchObject({ extensions: { code: 'OPERATION_TIMEOUT' } });
      // The timed-out load still runs (as its Neo4j transaction would until terminated): no second export yet.
      expect((await fetch(`${app.url}/export/gexf?ids=organization/b`)).status).toBe(503);
      held.open();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((await fetch(`${app.url}/export/gexf?ids=organization/c`)).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('logs an unexpected failure with the request id the client gets', async () => {
    const failures: [unknown, string][] = [];
    const app = await serveRouter({
      loadGraph: async () => Promise.reject(new Error('secret internals at 127.0.0.1:7687')),
      onUnexpectedError: (error, id) => failures.push([error, id]),
    });
    try {
      const response = await fetch(`${app.url}/export/csv?ids=organization/a`);
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(text).not.toMatch(/secret|127\.0\.0\.1/);
      const body = JSON.parse(text) as ExportErrorBody;
      expect(body.error).toMatchObject({
        code: 'INTERNAL_SERVER_ERROR',
        requestId: response.headers.get('x-request-id'),
      });
      expect(failures).toEqual([
        [expect.objectContaining({ message: 'secret internals at 127.0.0.1:7687' }), body.error.requestId],
      ]);
    } finally {
      await app.close();
    }
  });
});

describe('createDeadlineDatabase', () => {
  const driver = createDriver({ uri: sharedNeo4j().uri });
  afterAll(() => driver.close());

  it('starts no transaction once its signal aborted', async () => {
    const stop = new AbortController();
    const db = createDeadlineDatabase({ driver, timeoutMs: 10_000, signal: stop.signal });
    expect(await db.read<{ one: number }>('RETURN 1 AS one')).toEqual([{ one: 1 }]);
    stop.abort();
    await expect(db.read('RETURN 1 AS one')).rejects.toMatchObject({ extensions: { code: 'OPERATION_TIMEOUT' } });
    expect(db.stats.roundTrips).toBe(1);
  });

  it('has Neo4j terminate a transaction still running at the deadline', async () => {
    const db = createDeadlineDatabase({ driver, timeoutMs: 300, signal: new AbortController().signal });
    // Minutes of work if nobody stops it.
    const failure = await db
      .read('UNWIND range(1, 10000000000) AS x WITH x WHERE x % 7919 = -1 RETURN count(x) AS n')
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(isTransactionTimeout(failure)).toBe(true);
  });
});

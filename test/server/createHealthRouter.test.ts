import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver } from '../../src/neo4j/createDriver.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/neo4j/startEmbeddedNeo4j.js';
import { freePort } from '../support/freePort.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

describe('GET /health and GET /ready', () => {
  let dataDir: string;
  let port: number;
  let neo4j: EmbeddedNeo4j;
  let server: TestServer;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'coopgraph-ready-'));
    port = await freePort();
    neo4j = await startEmbeddedNeo4j({ dataDir, port, startTimeoutMs: 120_000, pageCache: '64m' });
    server = await startTestServer({ driver: createDriver({ uri: neo4j.uri, acquireTimeoutMs: 2_000 }) });
  });

  afterAll(async () => {
    await server.close();
    await server.driver.close();
    await neo4j.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers /health while the process is up, saying Neo4j is not embedded', async () => {
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', neo4j: { embedded: false } });
  });

  it('flips /ready to 503 with a reason when Neo4j stops, and back to 200 when it returns', async () => {
    expect((await fetch(`${server.url}/ready`)).status).toBe(200);

    await neo4j.stop();
    const down = await fetch(`${server.url}/ready`);
    expect(down.status).toBe(503);
    const { reason } = (await down.json()) as { reason: string };
    expect(reason).toMatch(/^Neo4j is not reachable: /);
    // Clients never see the database's address.
    expect(reason).not.toMatch(/\d+\.\d+\.\d+\.\d+|localhost|:\d{2,5}\b/);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);

    neo4j = await startEmbeddedNeo4j({ dataDir, port, startTimeoutMs: 120_000, pageCache: '64m' });
    const up = await fetch(`${server.url}/ready`);
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ status: 'ready', neo4j: 'reachable' });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIsolatedNeo4j, type IsolatedNeo4j } from '../support/startIsolatedNeo4j.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

describe('GET /health and GET /ready', () => {
  let neo4j: IsolatedNeo4j;
  let server: TestServer;

  beforeAll(async () => {
    neo4j = await startIsolatedNeo4j({ seed: false, driver: { acquireTimeoutMs: 2_000 } });
    server = await startTestServer({ driver: neo4j.driver });
  });

  afterAll(async () => {
    await server.close();
    await neo4j.close();
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

    await neo4j.restart();
    const up = await fetch(`${server.url}/ready`);
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ status: 'ready', neo4j: 'reachable' });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver } from '../../src/neo4j/createDriver.js';
import { postGraphQL } from '../support/postGraphQL.js';
import { startNeo4jProcess, type Neo4jProcess } from '../support/startNeo4jProcess.js';
import { stopProcess } from '../support/stopProcess.js';
import { startTestServer } from '../support/startTestServer.js';
import { waitFor } from '../support/waitFor.js';

const QUERY = `{ entity(id: "organization/ktz") { id name } }`;
const ACQUIRE_TIMEOUT_MS = 5_000;

describe('a hung Neo4j', () => {
  let neo4j: Neo4jProcess;

  beforeAll(async () => {
    neo4j = await startNeo4jProcess();
  });
  afterAll(async () => {
    await neo4j?.close();
  });

  it(
    'opens the circuit so that requests answer 503 at once while it is paused, and closes it after',
    { timeout: 120_000 },
    async () => {
      const driver = createDriver({
        uri: neo4j.uri,
        maxPoolSize: 4,
        acquireTimeoutMs: ACQUIRE_TIMEOUT_MS,
        maxRetryMs: 1_000,
      });
      const server = await startTestServer({
        driver,
        probeIntervalMs: 250,
        probeTimeoutMs: 500,
        operationTimeoutMs: 60_000,
      });
      let paused = false;
      try {
        expect((await postGraphQL(server.url, QUERY)).status).toBe(200);

        paused = true;
        await stopProcess(neo4j.neo4j.pid);
        // Four requests take the pool's connections and hang; the others find no connection within the acquisition
        // timeout, which opens the circuit.
        const first = Array.from({ length: 10 }, () => postGraphQL(server.url, QUERY));
        await waitFor(
          async () => {
            const response = await postGraphQL(server.url, QUERY);
            return response.status === 503 && /not responding/.test(response.errors?.[0]?.message ?? '');
          },
          30_000,
          250,
        );

        for (let index = 0; index < 5; index += 1) {
          const started = performance.now();
          const response = await postGraphQL(server.url, QUERY);
          const tookMs = performance.now() - started;
          expect(response.status).toBe(503);
          expect(response.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
          expect(response.errors?.[0]?.message).toMatch(
            /^The graph database is unavailable: Neo4j is not responding \(\d+ requests in a row got no connection in time\)\. Retry shortly\.$/,
          );
          // Behavioural bound: answered by the open circuit, not after waiting out the acquisition timeout.
          expect(tookMs).toBeLessThan(ACQUIRE_TIMEOUT_MS / 2);
        }
        const started = performance.now();
        const ready = await fetch(`${server.url}/ready`);
        expect(ready.status).toBe(503);
        expect(await ready.json()).toEqual({
          status: 'unavailable',
          reason: expect.stringMatching(/^Neo4j is not responding/),
        });
        expect(performance.now() - started).toBeLessThan(ACQUIRE_TIMEOUT_MS / 2);

        process.kill(neo4j.neo4j.pid, 'SIGCONT');
        paused = false;
        const recovered = await waitFor(async () => (await postGraphQL(server.url, QUERY)).status === 200, 30_000, 100);
        console.info(`paused Neo4j: answered 200 again ${Math.round(recovered)} ms after SIGCONT`);
        expect((await fetch(`${server.url}/ready`)).status).toBe(200);
        // The requests that were caught by the pause all ended: answered once Neo4j resumed, or shed with 503.
        const statuses = (await Promise.all(first)).map((response) => response.status);
        expect(statuses.every((status) => status === 200 || status === 503)).toBe(true);
      } finally {
        if (paused) process.kill(neo4j.neo4j.pid, 'SIGCONT');
        await server.close();
        await driver.close();
      }
    },
  );
});

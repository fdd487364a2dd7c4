import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL } from '../support/postGraphQL.js';
import { startSupervisedNeo4j, type SupervisedNeo4j } from '../support/startSupervisedNeo4j.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';
import { waitFor } from '../support/waitFor.js';

const QUERY = `{ entity(id: "organization/ktz") { id name } }`;

const health = async (url: string) => {
  const response = await fetch(`${url}/health`);
  return {
    status: response.status,
    body: (await response.json()) as { status: string; neo4j: Record<string, unknown> },
  };
};
const ready = async (url: string) => {
  const response = await fetch(`${url}/ready`);
  return { status: response.status, body: (await response.json()) as { status: string; reason?: string } };
};

describe('a dead embedded Neo4j', () => {
  let neo4j: SupervisedNeo4j;
  let server: TestServer;

  beforeAll(async () => {
    neo4j = await startSupervisedNeo4j({
      restart: { initialDelayMs: 200, maxAttempts: 3 },
      // A request gives up within 1.5 s, well before a restart with store recovery is done (3.5 s at the fastest):
      // with longer waits, the request sent while Neo4j restarts is answered by the restarted one.
      driver: { acquireTimeoutMs: 1_000, maxRetryMs: 500 },
    });
    server = await startTestServer({ driver: neo4j.driver, neo4jSupervisor: neo4j.supervisor, probeIntervalMs: 250 });
  });
  afterAll(async () => {
    await server?.close();
    await neo4j?.close();
  });

  it(
    'is restarted after kill -9, with /health 200 and /ready 503 saying so meanwhile',
    { timeout: 120_000 },
    async () => {
      const before = await health(server.url);
      expect(before).toEqual({
        status: 200,
        body: { status: 'ok', neo4j: { embedded: true, state: 'running', restarts: 0, pid: expect.any(Number) } },
      });
      expect((await postGraphQL(server.url, QUERY)).status).toBe(200);

      const killed = neo4j.kill('SIGKILL');
      await waitFor(async () => (await health(server.url)).body.neo4j.state === 'restarting', 10_000, 20);
      const restarting = await health(server.url);
      // Liveness: the process is fine, only its child restarts; an orchestrator must not kill it for that.
      expect(restarting).toEqual({
        status: 200,
        body: { status: 'degraded', neo4j: { embedded: true, state: 'restarting', restarts: 0, attempt: 1 } },
      });
      expect(await ready(server.url)).toEqual({
        status: 503,
        body: { status: 'unavailable', reason: 'restarting the embedded Neo4j (attempt 1)' },
      });
      const meanwhile = await postGraphQL(server.url, QUERY);
      expect(meanwhile.status).toBe(503);
      expect(meanwhile.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');

      await waitFor(async () => (await health(server.url)).body.neo4j.state === 'running', 90_000, 200);
      const after = await health(server.url);
      expect(after).toEqual({
        status: 200,
        body: { status: 'ok', neo4j: { embedded: true, state: 'running', restarts: 1, pid: expect.any(Number) } },
      });
      expect(after.body.neo4j.pid).not.toBe(killed);
      // The driver keeps its URI: it reconnects by itself, and the circuit closes at its next probe.
      await waitFor(async () => (await postGraphQL(server.url, QUERY)).status === 200, 10_000);
      expect(await ready(server.url)).toEqual({ status: 200, body: { status: 'ready', neo4j: 'reachable' } });
      expect(neo4j.events.map((event) => event.type)).toEqual(['exited', 'restarted']);
      expect(neo4j.events[0]).toEqual({
        type: 'exited',
        exit: { code: null, signal: 'SIGKILL' },
        attempt: 1,
        delayMs: 200,
      });
      const restarted = neo4j.events[1];
      console.info(
        `kill -9: Neo4j ran again after ${restarted?.type === 'restarted' ? restarted.tookMs : '?'} ms of restart (store recovery included)`,
      );
    },
  );

  it(
    'gives up after its attempts when the restarts keep failing, and /health answers 503',
    { timeout: 120_000 },
    async () => {
      // A crash soon after a restart counts toward the same attempts; a taken Bolt port makes every restart fail.
      const blocker = net.createServer();
      // The server's driver connects to the blocker and waits for a handshake; closing must not wait for it.
      const connections = new Set<net.Socket>();
      blocker.on('connection', (socket) => connections.add(socket));
      neo4j.kill('SIGKILL');
      await waitFor(() => neo4j.supervisor.status().state === 'restarting', 10_000, 5);
      await new Promise<void>((resolve, reject) =>
        blocker.once('error', reject).listen(neo4j.port, '127.0.0.1', resolve),
      );
      try {
        await waitFor(() => neo4j.supervisor.status().state === 'failed', 60_000);
        expect(await health(server.url)).toEqual({
          status: 503,
          body: { status: 'failed', neo4j: { embedded: true, state: 'failed', restarts: 1, attempts: 3 } },
        });
        expect(await ready(server.url)).toEqual({
          status: 503,
          body: {
            status: 'unavailable',
            reason: 'the embedded Neo4j stopped and its supervisor gave up after 3 restart attempts',
          },
        });
        expect(
          neo4j.events.slice(2).map((event) => [event.type, 'attempt' in event ? event.attempt : event.attempts]),
        ).toEqual([
          ['exited', 2],
          ['restartFailed', 3],
          ['gaveUp', 3],
        ]);
        const gaveUp = neo4j.events.at(-1);
        expect(gaveUp?.type === 'gaveUp' && gaveUp.error?.message).toMatch(
          /^Port \d+ on 127\.0\.0\.1 is already in use/,
        );
      } finally {
        for (const socket of connections) socket.destroy();
        await new Promise((resolve) => blocker.close(resolve));
      }
    },
  );
});

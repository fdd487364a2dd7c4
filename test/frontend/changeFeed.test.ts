import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient, type Client } from 'graphql-ws';
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestKeys } from '../support/createTestKeys.js';
import { postGraphQL } from '../support/postGraphQL.js';
import { createDatabase } from '../../src/neo4j/Database.js';
import { SET_DEGREES } from '../../src/repositories/mergeStatements.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

const SOURCE = 'source/test-change-feed';
const evidence = { sourceId: SOURCE, excerpts: ['The feed report says so.'] };
const WATCH = 'subscription ($ids: [ID!]) { graphChanged(ids: $ids) { id operation at entityIds relationIds } }';
interface Received {
  data?: {
    graphChanged: { id: string; operation: string; at: string; entityIds: string[]; relationIds: string[] };
  } | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

describe('graphChanged: the change feed over graphql-ws and server-sent events', { timeout: 120_000 }, () => {
  let server: TestServer;
  /** When this file started writing: its changes are removed afterwards with what it wrote (the database is shared). */
  let startedAt = '';
  let keys: Awaited<ReturnType<typeof createTestKeys>>;
  const wsClients: Client[] = [];
  const wsUrl = () => `${server.url.replace(/^http/, 'ws')}/graphql`;
  const wsClient = (authorization?: string) => {
    const client = createWsClient({
      url: wsUrl(),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: true,
      connectionParams: authorization ? { authorization } : {},
    });
    wsClients.push(client);
    return client;
  };
  /** Relates a test organization to KTZ: the change names the relation only, so KTZ is reached through its ends. */
  let writes = 0;
  const relateToKtz = () =>
    postGraphQL(
      server.url,
      'mutation ($input: AddRelationInput!) { addRelation(input: $input) { change { id } } }',
      {
        input: {
          type: 'COOPERATES_WITH',
          fromId: 'organization/test-change-feed',
          toId: 'organization/ktz',
          role: `check ${(writes += 1)}`,
          evidence,
        },
      },
      bearer(keys.editor),
    );
  /** Whether the audit trail (read by an editor) has the change. */
  const changeLanded = async (id: string) =>
    (
      await postGraphQL<{ change: { operation: string } | null }>(
        server.url,
        'query ($id: ID!) { change(id: $id) { operation } }',
        { id },
        bearer(keys.editor),
      )
    ).data?.change?.operation === 'addRelation';
  /** Writes until the first event arrives (the subscription starts at an unknown moment), then returns it. */
  const firstEvent = async (events: AsyncIterator<Received>): Promise<Received> => {
    const next = events.next();
    for (let attempt = 0; attempt < 60; attempt += 1) {
      const write = await relateToKtz();
      expect(write.errors?.[0]?.extensions?.code ?? 'none').not.toBe('UNAUTHENTICATED');
      const result = await Promise.race([next, sleep(500).then(() => null)]);
      if (result) return result.value as Received;
    }
    throw new Error('no event after 60 writes');
  };

  beforeAll(async () => {
    // Writes wait for a loaded machine's Neo4j; nothing here is timed.
    server = await startTestServer({
      readsRequireKey: true,
      changePollIntervalMs: 100,
      subscriptionMaxConnectionsPerClient: 4,
      operationTimeoutMs: 60_000,
    });
    keys = await createTestKeys(server.driver, 'change-feed');
    startedAt = new Date(Date.now() - 1000).toISOString();
    const source = await postGraphQL(
      server.url,
      'mutation ($input: AddSourceInput!) { addSource(input: $input) { change { id } } }',
      {
        input: { id: SOURCE, title: 'Test feed report', publishedOn: '2025-10-02', language: 'en' },
      },
      bearer(keys.editor),
    );
    expect(source.errors).toBeUndefined();
    const organization = await postGraphQL(
      server.url,
      'mutation ($input: UpsertEntityInput!) { upsertEntity(input: $input) { change { id } } }',
      {
        input: {
          id: 'organization/test-change-feed',
          kind: 'ORGANIZATION',
          names: { en: 'Test change feed' },
          evidence,
        },
      },
      bearer(keys.editor),
    );
    expect(organization.errors).toBeUndefined();
  });
  afterAll(async () => {
    for (const client of wsClients) await client.dispose();
    if (server) {
      await createDatabase({ driver: server.driver }).write(async (tx) => {
        const ids = ['organization/test-change-feed', SOURCE];
        // Nothing in the product deletes; this cleanup does, so it recounts the degree its deletions change (KTZ's).
        const neighbours = await tx.run<{ id: string }>(
          'MATCH (n:Entity)--(m:Entity) WHERE n.id IN $ids AND NOT m.id IN $ids RETURN DISTINCT m.id AS id',
          { ids },
        );
        await tx.run('MATCH (n:Entity) WHERE n.id IN $ids DETACH DELETE n', { ids });
        await tx.run(SET_DEGREES, { ids: neighbours.records.map((record) => record.get('id')) });
        await tx.run('MATCH (x:Excerpt {sourceId: $source}) DETACH DELETE x', { source: SOURCE });
        await tx.run('MATCH (c:Change) WHERE c.at >= datetime($startedAt) DELETE c', { startedAt });
      });
    }
    await server?.close();
  });

  it('tells a graphql-ws client watching KTZ about a relation added to it', async () => {
    const events = wsClient(`Bearer ${keys.reader}`).iterate<Received['data'] & object>({
      query: WATCH,
      variables: { ids: ['organization/ktz'] },
    });
    const event = await firstEvent(events);
    await events.return?.();
    expect(event.errors).toBeUndefined();
    const change = event.data!.graphChanged;
    expect(change.operation).toBe('addRelation');
    expect(await changeLanded(change.id)).toBe(true);
    expect(change.entityIds).toEqual(expect.arrayContaining(['organization/ktz', 'organization/test-change-feed']));
    expect(change.relationIds).toHaveLength(1);
    expect(Number.isNaN(Date.parse(change.at))).toBe(false);
  });

  it('tells a graphql-sse client (server-sent events) the same', async () => {
    const client = createSseClient({
      url: `${server.url}/graphql/stream`,
      headers: bearer(keys.reader),
      retryAttempts: 0,
    });
    try {
      const events = client.iterate<Received['data'] & object>({
        query: WATCH,
        variables: { ids: ['organization/ktz'] },
      });
      const event = await firstEvent(events);
      await events.return?.();
      expect(await changeLanded(event.data!.graphChanged.id)).toBe(true);
      expect(event.data!.graphChanged.entityIds).toContain('organization/ktz');
    } finally {
      client.dispose();
    }
  });

  it('needs a reader key where reads do, on both transports', async () => {
    const closed = await new Promise<{ code: number }>((resolve) => {
      const client = createWsClient({
        url: wsUrl(),
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        on: { closed: (event) => resolve(event as { code: number }) },
      });
      wsClients.push(client);
      client.subscribe({ query: WATCH }, { next: () => {}, error: () => {}, complete: () => {} });
    });
    expect(closed.code).toBe(4403);
    const response = await fetch(`${server.url}/graphql/stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: WATCH }),
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('bounds the ids, as a literal or a variable', async () => {
    const ids = Array.from({ length: 1001 }, (_, index) => `organization/x${index}`);
    for (const request of [
      { query: WATCH, variables: { ids } },
      { query: `subscription { graphChanged(ids: ${JSON.stringify(ids)}) { id } }` },
    ]) {
      const events = wsClient(`Bearer ${keys.reader}`).iterate(request);
      const first = (await events.next()).value as Received;
      expect(first.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'ids' });
    }
  });

  it('refuses a client more connections than its allowance (HTTP 429 on the upgrade)', async () => {
    const open: WebSocket[] = [];
    try {
      const statuses: (number | 'open')[] = [];
      for (let index = 0; index < 6; index += 1) {
        const socket = new WebSocket(wsUrl(), 'graphql-transport-ws');
        socket.on('error', () => {}); // a refused upgrade, then terminate(), report here
        open.push(socket);
        statuses.push(
          await new Promise((resolve) => {
            socket.once('open', () => resolve('open'));
            socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
          }),
        );
      }
      // Earlier tests' clients may still hold a slot or two; at most 4 are open at once either way.
      expect(statuses.filter((status) => status === 'open').length).toBeLessThanOrEqual(4);
      expect(statuses.at(-1)).toBe(429);
    } finally {
      for (const socket of open) socket.terminate();
    }
  });

  it('refuses subscriptions over plain HTTP with a sentence saying where they are served', async () => {
    const response = await postGraphQL(server.url, WATCH, {}, bearer(keys.reader));
    expect(response.errors?.[0]?.message).toMatch(/WebSocket|not supported/i);
  });
});

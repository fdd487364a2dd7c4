import { Writable } from 'node:stream';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import { pino, type Logger } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver } from '../../src/neo4j/createDriver.js';
import { createFormatError } from '../../src/server/createErrorPlugin.js';
import { withRequestId } from '../../src/requestId.js';
import { freePort } from '../support/freePort.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';
import { sharedNeo4j } from '../support/sharedNeo4j.js';

/** A pino logger whose lines are kept, parsed, for the test to read. */
function capturingLogger(): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines };
}

const QUERY = `{ entity(id: "organization/ktz") { id name } }`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function post(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: QUERY }),
  });
  return { status: response.status, requestId: response.headers.get('x-request-id'), text: await response.text() };
}

describe('production mode hides internals (issue 20, repro 9)', () => {
  let port: number;
  let server: TestServer;
  const { logger, lines } = capturingLogger();

  beforeAll(async () => {
    port = await freePort();
    // Nothing listens on the port: every connection is refused, as when Neo4j is down.
    const driver = createDriver({ uri: `bolt://127.0.0.1:${port}`, maxRetryMs: 100, acquireTimeoutMs: 1_000 });
    server = await startTestServer({ driver, logger, production: true, probeIntervalMs: 60_000 });
  });
  afterAll(async () => {
    await server.close();
    await server.driver.close();
  });

  it('answers an unreachable Neo4j with SERVICE_UNAVAILABLE, no address, and a request id that is in the log', async () => {
    // The first request meets the refused connection; the second is refused at once by the open circuit, whose
    // reason quotes the driver's message.
    for (const attempt of [1, 2]) {
      const answer = await post(server.url);
      expect(answer.status, `attempt ${attempt}`).toBe(503);
      expect(answer.text).not.toMatch(/127\.0\.0\.1|localhost|ECONNREFUSED|Neo4jError|ServiceUnavailable|bolt:/);
      expect(answer.text).not.toContain(String(port));
      const body = JSON.parse(answer.text) as { errors: GraphQLFormattedError[] };
      expect(body.errors[0]).toMatchObject({
        extensions: { code: 'SERVICE_UNAVAILABLE', requestId: answer.requestId },
      });
      expect(answer.requestId).toMatch(UUID);
      const logged = lines.filter((line) => line['requestId'] === answer.requestId);
      expect(logged.length, `attempt ${attempt}`).toBeGreaterThan(0);
      expect(JSON.stringify(logged)).toMatch(/ECONNREFUSED|not reachable/);
    }
  });

  it('answers an export whose API key cannot be looked up with 503 and no driver message', async () => {
    const gated = await startTestServer({
      driver: server.driver,
      logger,
      production: true,
      readsRequireKey: true,
      probeIntervalMs: 60_000,
    });
    try {
      const response = await fetch(`${gated.url}/export/csv?ids=organization/ktz`, {
        headers: { authorization: `Bearer cgk_${'a'.repeat(43)}` },
      });
      const text = await response.text();
      expect(response.status).toBe(503);
      expect(JSON.parse(text)).toMatchObject({ error: { code: 'SERVICE_UNAVAILABLE' } });
      expect(text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|Neo4jError|ServiceUnavailable/);
      expect(text).not.toContain(String(port));
    } finally {
      await gated.close();
    }
  });

  it('takes a sane x-request-id from the caller and replaces any other', async () => {
    expect((await post(server.url, { 'x-request-id': 'edge-proxy:4f2a.9' })).requestId).toBe('edge-proxy:4f2a.9');
    expect((await post(server.url, { 'x-request-id': 'a b' })).requestId).toMatch(UUID);
    expect((await post(server.url, { 'x-request-id': 'x'.repeat(500) })).requestId).toMatch(UUID);
  });
});

describe('createFormatError in production', () => {
  const { logger, lines } = capturingLogger();
  const format = createFormatError({ logger, production: true });
  /** The real error Neo4j answers when Lucene meets more clauses than it allows, as a resolver would throw it. */
  let luceneError: Neo4jError;

  beforeAll(async () => {
    const driver = createDriver({ uri: sharedNeo4j().uri });
    try {
      const words = Array.from({ length: 2_000 }, (_, index) => `w${index}`).join(' ');
      await driver.executeQuery(
        `CALL db.index.fulltext.queryNodes('entity_search', $q) YIELD node RETURN elementId(node) LIMIT 1`,
        { q: words },
      );
    } catch (error) {
      luceneError = error as Neo4jError;
    } finally {
      await driver.close();
    }
  });

  it('replaces a Neo4j error with INTERNAL_SERVER_ERROR and the request id, and logs the detail under that id', () => {
    expect(luceneError).toBeInstanceOf(Neo4jError);
    expect(luceneError.message).toMatch(/TooManyClauses|maxClauseCount|clause/i);
    const thrown = new GraphQLError(luceneError.message, { originalError: luceneError, path: ['search'] });
    const formatted = withRequestId('req-lucene-1', () =>
      format({ message: thrown.message, path: ['search'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, thrown),
    );
    expect(formatted).toEqual({
      message: expect.any(String),
      path: ['search'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-lucene-1' },
    });
    expect(formatted.message).not.toMatch(/Lucene|Clause|entity_search|Neo\.|org\.apache|Exception/i);
    const logged = lines.find((line) => line['requestId'] === 'req-lucene-1');
    expect(JSON.stringify(logged)).toMatch(/TooManyClauses|maxClauseCount|clause/i);
  });

  it('replaces an element id or class name in an error we did not write', () => {
    const leak = new Error(
      "Node with elementId '4:8f1c2a6e-1d2b-4c3d-9e4f-5a6b7c8d9e0f:123' already exists; org.neo4j.kernel.api.exceptions.schema.IndexEntryConflictException",
    );
    const formatted = withRequestId('req-leak-1', () =>
      format(
        { message: leak.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } },
        new GraphQLError(leak.message, { originalError: leak, path: ['upsertEntity'] }),
      ),
    );
    expect(JSON.stringify(formatted)).not.toMatch(/elementId|4:8f1c|org\.neo4j|Exception/);
    expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: 'req-leak-1' });
  });

  it('keeps the errors written for the client: ours, and Apollo validation, parse and variable errors', () => {
    const cases: GraphQLFormattedError[] = [
      {
        message: 'Argument "first": expected an integer from 0 to 100, got 1000.',
        extensions: { code: 'BAD_USER_INPUT', argument: 'first' },
      },
      { message: 'Cannot query field "tittle" on type "Source".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
      { message: 'Syntax Error: Expected Name, found <EOF>.', extensions: { code: 'GRAPHQL_PARSE_FAILED' } },
      { message: 'This operation needs the role editor; the token has reader.', extensions: { code: 'FORBIDDEN' } },
    ];
    for (const formatted of cases)
      expect(
        format(formatted, new GraphQLError(formatted.message, { extensions: formatted.extensions ?? {} })),
      ).toEqual(formatted);
  });
});

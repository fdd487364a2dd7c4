import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL } from '../support/postGraphQL.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

/**
 * `{ entity { relations(first: 2) { from { relations(first: 2) { … { id } } } } } }`: `levels` fields deep, counting
 * `entity` and `id`; few relations per level, so that only the depth limit can refuse it.
 */
export function nestedQuery(levels: number): string {
  let selection = 'id';
  for (let level = levels - 1; level >= 2; level -= 1)
    selection = level % 2 === 0 ? `relations(first: 2) { ${selection} }` : `from { ${selection} }`;
  return `{ entity(id: "organization/ktz") { ${selection} } }`;
}

export function aliasQuery(count: number): string {
  return `{ ${Array.from({ length: count }, (_, index) => `a${index}: entity(id: "organization/ktz") { id }`).join(' ')} }`;
}

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return {
    status: response.status,
    body: (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] },
  };
}

describe('abuse limits', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ corsOrigins: ['https://newsroom.example'] });
  });
  afterAll(() => server.close());

  it('refuses a 10-level nested query with 400 GRAPHQL_VALIDATION_FAILED', async () => {
    const response = await postGraphQL(server.url, nestedQuery(10));
    expect(response.status).toBe(400);
    expect(response.errors?.[0]).toMatchObject({
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      message: expect.stringContaining('depth limit of 8'),
    });
  });

  it('accepts an 8-level nested query', async () => {
    const response = await postGraphQL(server.url, nestedQuery(8));
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
  });

  it('refuses 100 aliases with 400 GRAPHQL_VALIDATION_FAILED', async () => {
    const response = await postGraphQL(server.url, aliasQuery(100));
    expect(response.status).toBe(400);
    expect(response.errors?.[0]).toMatchObject({
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      message: expect.stringContaining('Aliases limit of 15'),
    });
  });

  it('refuses a 5 MB body with 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await post(
      server.url,
      JSON.stringify({ query: `{ sources { id } }`, variables: { padding: 'x'.repeat(5 * 1024 * 1024) } }),
    );
    expect(response.status).toBe(413);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers malformed GraphQL with 400 GRAPHQL_PARSE_FAILED, not 500', async () => {
    const response = await postGraphQL(server.url, '{ entity(id: "organization/ktz") { id ');
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('answers broken JSON with 400 BAD_REQUEST', async () => {
    const response = await post(server.url, '{"query": "{ sources { id } }"');
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });

  it('answers a body in a charset it does not read with 415 BAD_REQUEST naming the charset', async () => {
    const response = await post(server.url, JSON.stringify({ query: '{ sources { id } }' }), {
      'content-type': 'application/json; charset=latin1',
    });
    expect(response.status).toBe(415);
    expect(response.body.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_REQUEST' },
      message: expect.stringContaining('LATIN1'),
    });
  });

  it('serves GraphQL at /graphql/ too, and nothing below it', async () => {
    const body = JSON.stringify({ query: '{ sources { id } }' });
    const headers = { 'content-type': 'application/json' };
    const slash = await fetch(`${server.url}/graphql/`, { method: 'POST', headers, body });
    expect(slash.status).toBe(200);
    expect(((await slash.json()) as { data: { sources: unknown[] } }).data.sources.length).toBeGreaterThan(0);
    expect((await fetch(`${server.url}/graphql/other`, { method: 'POST', headers, body })).status).toBe(404);
  });

  it('refuses more than 2000 tokens with 400 GRAPHQL_PARSE_FAILED', async () => {
    const response = await postGraphQL(server.url, `{ sources { ${'id '.repeat(2100)} } }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]).toMatchObject({
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
      message: expect.stringMatching(/contains more th[ae]t? 2000 tokens/),
    });
  });

  it('refuses more than 10 directives with 400 GRAPHQL_VALIDATION_FAILED', async () => {
    const response = await postGraphQL(server.url, `{ sources { id ${'@include(if: true) '.repeat(12)} } }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a query whose estimated cost multiplies past 200000 with 400 GRAPHQL_VALIDATION_FAILED', async () => {
    const response = await postGraphQL(
      server.url,
      `{ search(query: "ktz", first: 100) { entity { relations(first: 1000) { from { id name } to { id name } } } } }`,
    );
    expect(response.status).toBe(400);
    expect(response.errors?.[0]).toMatchObject({
      message:
        "The operation's estimated cost is 700200, above the limit of 200000; ask for less (smaller first, limit or maxHops, fewer nested lists).",
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', cost: 700_200, maxCost: 200_000 },
    });
  });

  it('refuses the same query when its sizes come as variables', async () => {
    const response = await postGraphQL(
      server.url,
      `query($n: Int, $m: Int) { search(query: "ktz", first: $n) { entity { relations(first: $m) { from { id name } to { id name } } } } }`,
      { n: 100, m: 1000 },
    );
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', cost: 700_200 });
  });

  it('sends CORS headers to allowed origins only', async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,authorization',
        },
      });
    const allowed = await preflight('https://newsroom.example');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://newsroom.example');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('tells caches not to store GraphQL answers, which reflect the live graph', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ sources { id } }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('keeps CSRF prevention on: a simple GET without a preflight header is refused', async () => {
    const response = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ sources { id } }')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('CSRF');
  });
});

describe('production and configured limits', () => {
  let production: TestServer;
  let hidden: TestServer;
  let hasty: TestServer;
  beforeAll(async () => {
    production = await startTestServer({ production: true });
    hidden = await startTestServer({ introspection: false });
    hasty = await startTestServer({ operationTimeoutMs: 1 });
  });
  afterAll(async () => {
    await production.close();
    await hidden.close();
    await hasty.close();
  });

  it('gives no field suggestions in production', async () => {
    const response = await postGraphQL(production.url, `{ sources { tittle } }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.message).not.toContain('Did you mean');
  });

  it('refuses introspection when it is turned off', async () => {
    const response = await postGraphQL(hidden.url, `{ __schema { types { name } } }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('answers 504 OPERATION_TIMEOUT when an operation outlives its timeout', async () => {
    const response = await postGraphQL(
      hasty.url,
      `{ network(ids: ["organization/ktz"], depth: 3, limit: 500) { nodes { id entity { relations { id } } } } }`,
    );
    expect(response.status).toBe(504);
    expect(response.errors?.[0]?.extensions?.code).toBe('OPERATION_TIMEOUT');
  });
});

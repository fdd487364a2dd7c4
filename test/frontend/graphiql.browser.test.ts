import {
  buildClientSchema,
  buildSchema,
  getIntrospectionQuery,
  printSchema,
  lexicographicSortSchema,
  type IntrospectionQuery,
} from 'graphql';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../explorer/launchChromium.js';
import { postGraphQL } from '../support/postGraphQL.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

describe('the downloadable schema and the offline GraphQL IDE', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('serves GET /schema.graphql: the SDL that introspection describes', async () => {
    const response = await fetch(`${server.url}/schema.graphql`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const sdl = await response.text();
    expect(sdl).toContain(
      'network(ids: [ID!]!, depth: Int = 1, limit: Int = 200, lang: Lang = EN, filter: NetworkFilter): Network!',
    );
    const introspected = await postGraphQL(server.url, getIntrospectionQuery());
    const served = printSchema(
      lexicographicSortSchema(buildClientSchema(introspected.data as unknown as IntrospectionQuery)),
    );
    expect(printSchema(lexicographicSortSchema(buildSchema(sdl)))).toBe(served);
  });

  for (const path of ['/graphql', '/graphiql']) {
    it(`opens GraphiQL at ${path} and runs a query with no request leaving the machine`, async () => {
      const page = await browser.newPage();
      const outside: string[] = [];
      await page.route('**/*', (route) => {
        const { hostname } = new URL(route.request().url());
        if (hostname === '127.0.0.1' || hostname === 'localhost') return route.continue();
        outside.push(route.request().url());
        return route.abort();
      });
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      try {
        const query = '{ entity(id: "organization/ktz") { id name } }';
        await page.goto(`${server.url}${path}?query=${encodeURIComponent(query)}`);
        await page.locator('.graphiql-execute-button').click();
        // (The page's Content-Security-Policy forbids evaluating strings, so poll from here.)
        await expect
          .poll(() => page.locator('.result-window').textContent(), { timeout: 20_000 })
          .toContain('"id": "organization/ktz"');
        expect(await page.locator('.result-window').textContent()).toMatch(/"name": "[^"]+"/);
        expect(outside).toEqual([]);
        expect(problems).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});

describe('GRAPHQL_IDE=sandbox with INTROSPECTION=false', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ graphqlIde: 'sandbox', introspection: false });
  });
  afterAll(() => server?.close());

  it('serves Apollo Sandbox at /graphql instead, and neither GraphiQL nor the schema file', async () => {
    const landing = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await landing.text()).toContain('embeddable-sandbox');
    expect((await fetch(`${server.url}/graphiql`)).status).toBe(404);
    expect((await fetch(`${server.url}/schema.graphql`)).status).toBe(404);
  });
});

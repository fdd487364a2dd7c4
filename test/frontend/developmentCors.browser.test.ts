import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { serverOptionsFromConfig } from '../../src/server/serverOptionsFromConfig.js';
import { launchChromium } from '../explorer/launchChromium.js';
import { startPageServer, type PageServer } from '../support/startPageServer.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

const corsOriginsWith = (env: NodeJS.ProcessEnv) => serverOptionsFromConfig(loadConfig(env)).corsOrigins;

/** A JSON POST from the page: content-type application/json makes the browser send a preflight first. */
const callFromPage = (api: string) => `fetch(${JSON.stringify(`${api}/graphql`)}, {
  method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: '{ entity(id: "organization/ktz") { id } }' }),
}).then((response) => response.json()).then((body) => body.data.entity.id, (error) => 'refused: ' + error.message)`;

describe('CORS for local development', () => {
  let development: TestServer;
  let production: TestServer;
  let page: PageServer;
  let browser: Browser;
  beforeAll(async () => {
    development = await startTestServer({ corsOrigins: corsOriginsWith({}) });
    production = await startTestServer({ corsOrigins: corsOriginsWith({ NODE_ENV: 'production' }) });
    page = await startPageServer({ '/': '<!doctype html><title>A Vite dev server</title>' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await page?.close();
    await production?.close();
    await development?.close();
  });

  it('allows http://localhost:* and http://127.0.0.1:* only when NODE_ENV is unset', () => {
    expect(corsOriginsWith({})).toEqual(['http://localhost:*', 'http://127.0.0.1:*']);
    expect(corsOriginsWith({ CORS_ORIGINS: 'https://newsroom.example' })).toEqual([
      'https://newsroom.example',
      'http://localhost:*',
      'http://127.0.0.1:*',
    ]);
    expect(corsOriginsWith({ NODE_ENV: 'production' })).toEqual([]);
    expect(corsOriginsWith({ NODE_ENV: 'test' })).toEqual([]);
  });

  it('lets a page on another local port call the API (real preflight in Chromium)', async () => {
    const tab = await browser.newPage();
    try {
      await tab.goto(page.url);
      expect(new URL(page.url).origin).not.toBe(new URL(development.url).origin);
      expect(await tab.evaluate(callFromPage(development.url))).toBe('organization/ktz');
      expect(await tab.evaluate(callFromPage(production.url))).toMatch(/^refused: /);
    } finally {
      await tab.close();
    }
  });

  it('answers preflights for local origins on any port, and not for others', async () => {
    const preflight = (origin: string) =>
      fetch(`${development.url}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,authorization',
        },
      });
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:3000', 'http://localhost']) {
      const response = await preflight(origin);
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
      expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
    }
    for (const origin of [
      'http://localhost.evil.example',
      'http://localhost:5173.evil.example',
      'https://localhost:5173',
      'http://example.com',
    ]) {
      expect((await preflight(origin)).headers.get('access-control-allow-origin')).toBeNull();
    }
    // Express routes (exports, schema) share the policy.
    const schema = await fetch(`${development.url}/schema.graphql`, { headers: { origin: 'http://localhost:5173' } });
    expect(schema.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });
});

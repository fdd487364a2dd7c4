import type { IncomingMessage } from 'node:http';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clientAddress } from '../../src/server/clientAddress.js';
import type { RateLimitOptions } from '../../src/server/createRateLimiter.js';
import { bearer, createTestKeys } from '../support/createTestKeys.js';
import { postGraphQL } from '../support/postGraphQL.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

const PING = '{ __typename }';
const servers: TestServer[] = [];
let keys: Awaited<ReturnType<typeof createTestKeys>>;

async function serverWith(rateLimits: Omit<RateLimitOptions, 'onRefused'>): Promise<TestServer> {
  const server = await startTestServer({ rateLimits });
  servers.push(server);
  return server;
}

/** Sends `count` pings and returns their HTTP statuses. */
async function pings(url: string, count: number, headers: Record<string, string> = {}): Promise<number[]> {
  const statuses: number[] = [];
  for (let index = 0; index < count; index++) statuses.push((await postGraphQL(url, PING, {}, headers)).status);
  return statuses;
}

const minute = (points: number) => ({ points, durationSeconds: 60 });

beforeAll(async () => {
  const server = await startTestServer();
  keys = await createTestKeys(server.driver, 'rate limits');
  await server.close();
});

afterEach(async () => {
  while (servers.length) await servers.pop()!.close();
});

describe('rate limits', () => {
  it('answers 429 RATE_LIMITED with Retry-After once an anonymous client spent its allowance', async () => {
    const server = await serverWith({ anonymous: minute(3), keyed: minute(10) });
    expect(await pings(server.url, 3)).toEqual([200, 200, 200]);
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: PING }),
    });
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(body.errors[0]).toMatchObject({
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter },
      message: expect.stringContaining(`retry in ${retryAfter} s`),
    });
    expect(body.errors[0]!.extensions).not.toHaveProperty('http');
  });

  it('counts a keyed caller under its key, apart from anonymous callers at the same address', async () => {
    const server = await serverWith({ anonymous: minute(2), keyed: minute(4) });
    expect(await pings(server.url, 3)).toEqual([200, 200, 429]);
    expect(await pings(server.url, 5, bearer(keys.reader))).toEqual([200, 200, 200, 200, 429]);
    // Another principal has a bucket of its own.
    expect(await pings(server.url, 1, bearer(keys.editor))).toEqual([200]);
  });

  it('charges bad tokens to the sender address, so a fresh token per request gets no fresh allowance', async () => {
    const server = await serverWith({ anonymous: minute(3), keyed: minute(10) });
    const statuses: number[] = [];
    for (let index = 0; index < 5; index++)
      statuses.push((await postGraphQL(server.url, PING, {}, bearer(`cgk_unknown${index}`))).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    expect(await pings(server.url, 1)).toEqual([429]);
    expect(await pings(server.url, 1, bearer(keys.reader))).toEqual([200]);
  });

  it('limits exports too, answering the exports’ error shape', async () => {
    const server = await serverWith({ anonymous: minute(1), keyed: minute(10) });
    const ok = await fetch(`${server.url}/export/csv?ids=organization/ktz`);
    expect(ok.status).toBe(200);
    await ok.arrayBuffer();
    const refused = await fetch(`${server.url}/export/csv?ids=organization/ktz`);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await refused.json()).toEqual({
      error: { code: 'RATE_LIMITED', message: expect.stringContaining('Too many requests') },
    });
    // GraphQL shares the allowance: it is the client's, not the route's.
    expect(await pings(server.url, 1)).toEqual([429]);
    // A bad token is refused in the same shape, under the key-less allowance of its sender.
    const keyed = await serverWith({ anonymous: minute(1), keyed: minute(10) });
    const badToken = await fetch(`${keyed.url}/export/csv?ids=organization/ktz`, { headers: bearer('cgk_unknown') });
    expect(badToken.status).toBe(401);
    expect(await badToken.json()).toEqual({
      error: { code: 'UNAUTHENTICATED', message: 'This API key is unknown or revoked.' },
    });
    expect((await fetch(`${keyed.url}/export/csv?ids=organization/ktz`, { headers: bearer('cgk_other') })).status).toBe(
      429,
    );
  });

  it('leaves /health, /ready, /metrics and the explorer unlimited', async () => {
    const server = await serverWith({ anonymous: minute(1), keyed: minute(1) });
    expect(await pings(server.url, 2)).toEqual([200, 429]);
    for (const route of ['/health', '/ready', '/metrics', '/explore']) {
      for (let index = 0; index < 3; index++) {
        const response = await fetch(`${server.url}${route}`);
        await response.arrayBuffer();
        expect(response.status, route).toBe(200);
      }
    }
  });

  it('lets requests through again once the window has passed', async () => {
    const server = await serverWith({ anonymous: { points: 2, durationSeconds: 1 }, keyed: minute(10) });
    expect(await pings(server.url, 3)).toEqual([200, 200, 429]);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await pings(server.url, 1)).toEqual([200]);
  });

  it('ignores X-Forwarded-For unless proxies are trusted', async () => {
    const direct = await serverWith({ anonymous: minute(2), keyed: minute(10) });
    const spoofed = await Promise.all(
      [1, 2, 3].map((n) => postGraphQL(direct.url, PING, {}, { 'x-forwarded-for': `10.0.0.${n}` })),
    );
    expect(spoofed.map((response) => response.status).sort()).toEqual([200, 200, 429]);

    const proxied = await serverWith({ anonymous: minute(2), keyed: minute(10), trustedProxies: 1 });
    expect(await pings(proxied.url, 3, { 'x-forwarded-for': '203.0.113.7' })).toEqual([200, 200, 429]);
    expect(await pings(proxied.url, 1, { 'x-forwarded-for': '203.0.113.8' })).toEqual([200]);
  });
});

describe('clientAddress', () => {
  const request = (forwardedFor: string | undefined) =>
    ({
      socket: { remoteAddress: '192.0.2.1' },
      headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
    }) as unknown as IncomingMessage;

  it('takes the entry as many hops back as there are trusted proxies', () => {
    expect(clientAddress(request('198.51.100.9, 203.0.113.7'), 0)).toBe('192.0.2.1');
    expect(clientAddress(request('198.51.100.9, 203.0.113.7'), 1)).toBe('203.0.113.7');
    expect(clientAddress(request('198.51.100.9, 203.0.113.7'), 2)).toBe('198.51.100.9');
    expect(clientAddress(request('203.0.113.7'), 3)).toBe('203.0.113.7');
    expect(clientAddress(request(undefined), 1)).toBe('192.0.2.1');
  });
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureLatencies, permutations } from '../../bench/measureOperation.js';

describe('permutations', () => {
  it('lists every order of the items once', () => {
    const orders = permutations(['a', 'b', 'c']);
    expect(orders).toHaveLength(6);
    expect(new Set(orders.map((order) => order.join(''))).size).toBe(6);
    expect(orders.every((order) => [...order].sort().join('') === 'abc')).toBe(true);
  });
});

describe('measureLatencies', () => {
  const arrivals: string[] = [];
  let server: http.Server;
  let baseUrl: string;
  beforeAll(async () => {
    // Every target posts to /graphql; the body names the target.
    server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        arrivals.push((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { target: string }).target);
        response.end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('runs each target right after each other target, so that none inherits the same one’s leftovers', async () => {
    const targets = ['a', 'b', 'c'].map((target) => ({
      baseUrl,
      steps: [{ path: '/graphql' as const, body: () => ({ target }) }],
    }));
    const latencies = await measureLatencies(targets, 12, 60_000);
    expect(latencies.map((list) => list.length)).toEqual([12, 12, 12]);
    const followers = new Map<string, Set<string>>();
    arrivals.slice(1).forEach((target, index) => {
      const previous = arrivals[index]!;
      if (previous !== target) followers.set(previous, (followers.get(previous) ?? new Set()).add(target));
    });
    for (const target of ['a', 'b', 'c'])
      expect([...(followers.get(target) ?? [])].sort()).toEqual(['a', 'b', 'c'].filter((other) => other !== target));
  });
});

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
    server = http.createServer((request, response) => {
      arrivals.push(request.url ?? '');
      request.resume();
      request.on('end', () => response.end('{}'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('runs each target right after each other target, so that none inherits the same one’s leftovers', async () => {
    const targets = ['/a', '/b', '/c'].map((path) => ({ baseUrl, steps: [{ path, body: () => ({}) }] }));
    const latencies = await measureLatencies(targets, 12, 60_000);
    expect(latencies.map((list) => list.length)).toEqual([12, 12, 12]);
    const followers = new Map<string, Set<string>>();
    arrivals.slice(1).forEach((path, index) => {
      const previous = arrivals[index]!;
      if (previous !== path) followers.set(previous, (followers.get(previous) ?? new Set()).add(path));
    });
    for (const path of ['/a', '/b', '/c']) expect([...(followers.get(path) ?? [])].sort()).toEqual(['/a', '/b', '/c'].filter((other) => other !== path));
  });
});

import type { IncomingMessage } from 'node:http';

/**
 * The address a request came from. With no trusted proxy, the socket's peer: `X-Forwarded-For` is written by the
 * client and would let anyone pick a fresh address per request. Behind `trustedProxies` reverse proxies that each
 * append the address they received from, the entry that many hops back from the socket is the client (as Express's
 * `trust proxy` with a hop count); a shorter chain means a proxy was bypassed, and its first entry is taken.
 */
export function clientAddress(request: IncomingMessage, trustedProxies: number): string {
  const peer = request.socket.remoteAddress ?? 'unknown';
  if (trustedProxies <= 0) return peer;
  const header = request.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer];
  return chain[Math.max(0, chain.length - 1 - trustedProxies)]!;
}

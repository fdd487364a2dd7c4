import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PageServer {
  /** `http://localhost:<port>/`: another origin than a test server's `http://127.0.0.1:<port>`. */
  url: string;
  close(): Promise<void>;
}

/** A second local web server answering `pages[path]` as HTML (or JavaScript for `.js`/`.mjs`), for cross-origin tests. */
export async function startPageServer(pages: Record<string, string>): Promise<PageServer> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const body = pages[path];
    if (body === undefined) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': /\.m?js$/.test(path) ? 'text/javascript' : 'text/html; charset=utf-8' });
    response.end(body);
  });
  // Both loopback families on one port: Chromium may resolve `localhost` to ::1 first, where another process could
  // otherwise hold the same port number and answer instead.
  await new Promise<void>((resolve) => server.listen({ port: 0, host: '::', ipv6Only: false }, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

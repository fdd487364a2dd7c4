import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphqlExpressHandler } from '../../src/server/createGraphqlExpressHandler.js';
import {
  createGraphqlRequestHandler,
  type GraphqlRequestHandlerOptions,
} from '../../src/server/createGraphqlRequestHandler.js';

type Handlers = 'node' | 'express';

/** Serves a one-field schema whose `slow` resolves after 300 ms with the given handler, timing out at 50 ms. */
async function serve(
  handlers: Handlers,
  settled: Promise<void>[],
  failures: unknown[],
): Promise<{ url: string; close(): Promise<void> }> {
  const apollo = new ApolloServer({
    typeDefs: 'type Query { slow: String fast: String }',
    resolvers: {
      Query: {
        fast: () => 'here',
        slow: () => {
          const late = new Promise<string>((resolve) => setTimeout(() => resolve('late'), 300));
          settled.push(late.then(() => new Promise((resolve) => setTimeout(resolve, 50))));
          return late;
        },
      },
    },
  });
  await apollo.start();
  const options: GraphqlRequestHandlerOptions<object> = {
    apollo,
    context: async () => ({}),
    corsOrigins: [],
    bodyLimitBytes: 1_000,
    timeoutMs: 50,
    onError: (error) => failures.push(error),
  };
  const server =
    handlers === 'node'
      ? http.createServer(createGraphqlRequestHandler(options))
      : http.createServer(express().use(createGraphqlExpressHandler(options)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await apollo.stop();
    },
  };
}

describe.each<Handlers>(['node', 'express'])('the %s /graphql handler', (handlers) => {
  const settled: Promise<void>[] = [];
  const failures: unknown[] = [];
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    server = await serve(handlers, settled, failures);
  });
  afterAll(() => server.close());

  const post = (body: string) =>
    fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('answers 504 OPERATION_TIMEOUT, and the late answer is dropped without being reported as a failure', async () => {
    const response = await post(JSON.stringify({ query: '{ slow }' }));
    expect(response.status).toBe(504);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'OPERATION_TIMEOUT' } }] });
    await Promise.all(settled);
    expect(failures).toEqual([]);
    // The server still answers.
    expect(await (await post(JSON.stringify({ query: '{ fast }' }))).json()).toEqual({ data: { fast: 'here' } });
  });

  it('answers a body over the limit 413 PAYLOAD_TOO_LARGE with the request id, without reporting it', async () => {
    const response = await post(JSON.stringify({ query: `{ fast }${' '.repeat(2_000)}` }));
    expect(response.status).toBe(413);
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    expect(failures).toEqual([]);
  });
});

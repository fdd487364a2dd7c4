import { auditServer } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { serverOptionsFromConfig } from '../../src/server/serverOptionsFromConfig.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

describe.each([
  ['development', loadConfig({ NODE_ENV: 'development' })],
  ['production', loadConfig({ NODE_ENV: 'production' })],
  [
    'production, on Express with graphql-js',
    loadConfig({ NODE_ENV: 'production', GRAPHQL_HTTP: 'express', GRAPHQL_COMPILED_EXECUTION: 'off' }),
  ],
])('GraphQL over HTTP in the %s configuration', (_, config) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ ...serverOptionsFromConfig(config), exposeQueryStats: false });
  });
  afterAll(() => server.close());

  it('passes every MUST audit of graphql-http', async () => {
    const results = await auditServer({ url: `${server.url}/graphql` });
    const failures = results.filter((result) => result.status !== 'ok' && result.name.startsWith('MUST'));
    expect(failures.map((failure) => `${failure.name}: ${'reason' in failure ? failure.reason : ''}`)).toEqual([]);
    expect(results.filter((result) => result.name.startsWith('MUST')).length).toBeGreaterThan(10);
  });
});

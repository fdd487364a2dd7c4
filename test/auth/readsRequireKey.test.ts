import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestKeys } from '../support/createTestKeys.js';
import { postGraphQL } from '../support/postGraphQL.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

describe('READS_REQUIRE_KEY', () => {
  let server: TestServer;
  let keys: Awaited<ReturnType<typeof createTestKeys>>;
  beforeAll(async () => {
    server = await startTestServer({ readsRequireKey: true });
    keys = await createTestKeys(server.driver, 'reads-require-key');
  });
  afterAll(() => server.close());

  it('answers reads without a token with UNAUTHENTICATED (401)', async () => {
    const response = await postGraphQL(server.url, '{ sources { id } }');
    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers reads with a reader key', async () => {
    const response = await postGraphQL(server.url, '{ sources { id } }', {}, bearer(keys.reader));
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
  });

  it('gates exports too', async () => {
    expect((await fetch(`${server.url}/export/json?ids=organization/ktz`)).status).toBe(401);
    expect(
      (await fetch(`${server.url}/export/json?ids=organization/ktz`, { headers: bearer(keys.reader) })).status,
    ).not.toBe(401);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

describe('exports of unknown ids', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it.each(['graphml', 'gexf', 'csv', 'cytoscape'])(
    'answers %s with 404 NOT_FOUND listing the ids that name no entity',
    async (format) => {
      const response = await fetch(
        `${server.url}/export/${format}?ids=organization/ktz,organization/nope,person/nobody`,
      );
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        error: {
          code: 'NOT_FOUND',
          message: 'Argument "ids": no entity "organization/nope", "person/nobody".',
          ids: ['organization/nope', 'person/nobody'],
        },
      });
    },
  );

  it('still exports when every id exists', async () => {
    const response = await fetch(`${server.url}/export/cytoscape?ids=organization/ktz`);
    expect(response.status).toBe(200);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiKey } from '../../src/auth/generateApiKey.js';
import { createDatabase } from '../../src/neo4j/Database.js';
import { insertApiKey } from '../../src/repositories/insertApiKey.js';
import { revokeApiKey } from '../../src/repositories/revokeApiKey.js';
import { bearer } from '../support/createTestKeys.js';
import { postGraphQL } from '../support/postGraphQL.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

const ANALYZE = 'query ($text: String!) { analyzeText(text: $text) { mentions { text } } }';
const ADD_SOURCE = 'mutation ($input: AddSourceInput!) { addSource(input: $input) { entity { id } } }';

describe('a revoked editor key', () => {
  let server: TestServer;
  let key: string;

  beforeAll(async () => {
    server = await startTestServer();
    const db = createDatabase({ driver: server.driver });
    const generated = generateApiKey();
    key = generated.key;
    // As `npm run create-key -- --role editor --name …` and then `-- --revoke …` do.
    await insertApiKey(db, {
      name: 'revoked-key test editor',
      role: 'editor',
      hash: generated.hash,
      createdBy: 'test',
    });
    expect(await revokeApiKey(db, 'revoked-key test editor')).toBe(1);
  });
  afterAll(async () => {
    await server?.close();
  });

  it.each([
    ['analyzeText', ANALYZE, { text: 'Акимат Алматинской области подписал меморандум.' }],
    [
      'addSource',
      ADD_SOURCE,
      {
        input: {
          id: 'source/test-revoked-key',
          title: 'Never written',
          publishedOn: '2025-10-01',
          language: 'ru',
          text: 'Текст.',
        },
      },
    ],
  ])('answers UNAUTHENTICATED (401) for %s and writes nothing', async (_, query, variables) => {
    const response = await postGraphQL(server.url, query, variables, bearer(key));
    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(response.errors?.[0]?.message).toBe('This API key is unknown or revoked.');
    expect(response.data ?? null).toBeNull();
    const [found] = await createDatabase({ driver: server.driver }).read<{ n: number }>(
      "MATCH (n:Entity {id: 'source/test-revoked-key'}) RETURN count(n) AS n",
    );
    expect(found!.n).toBe(0);
  });
});

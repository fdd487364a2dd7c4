import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL } from '../support/postGraphQL.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

const SEARCH = /* GraphQL */ `
  query Search($query: String!, $kinds: [EntityKind!], $first: Int) {
    search(query: $query, kinds: $kinds, first: $first) {
      score
      entity {
        id
        kind
      }
    }
  }
`;

interface SearchResult {
  search: { score: number; entity: { id: string; kind: string } }[];
}

describe('Query.search', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  async function topIds(query: string, variables: Record<string, unknown> = {}): Promise<string[]> {
    const response = await postGraphQL<SearchResult>(server.url, SEARCH, { query, ...variables });
    expect(response.errors).toBeUndefined();
    return response.data!.search.map((hit) => hit.entity.id);
  }

  it.each([
    ['Воробьёв', 'person/andrey-vorobyov'],
    ['Воробьев', 'person/andrey-vorobyov'],
    ['Vorobyov', 'person/andrey-vorobyov'],
    ['Vorobiev', 'person/andrey-vorobyov'],
    ['КТЖ', 'organization/ktz'],
    ['KTZ', 'organization/ktz'],
    ['Қазақстан темір жолы', 'organization/ktz'],
    ['Казахстан темир жолы', 'organization/ktz'],
    ['Самрук-Казына', 'organization/samruk-kazyna'],
    ['Samruk Kazyna', 'organization/samruk-kazyna'],
    ['Султангазиев', 'person/marat-sultangaziev'],
    ['Sultangaziyev', 'person/marat-sultangaziev'],
    ['Абаев', 'person/dauren-abaev'],
    ['Abayev', 'person/dauren-abaev'],
    ['Подмосковье', 'region/moscow-oblast'],
    ['Podmoskovye', 'region/moscow-oblast'],
    ['Алма-Атинская область', 'region/almaty-oblast'],
    ['ПМЭФ-2024', 'event/spief-2024'],
    ['SPIEF', 'event/spief-2024'],
    ['Славтранс-Сервис', 'organization/slavtrans-service'],
    ['Slavtrans', 'organization/slavtrans-service'],
    ['ТЛЦ Алатау', 'organization/tlc-alatau'],
    ['Есипово', 'facility/esipovo-industrial-park'],
    // Misspellings.
    ['Vorobjev', 'person/andrey-vorobyov'],
    ['Sultangaziyv', 'person/marat-sultangaziev'],
    ['Samruk-Kazina', 'organization/samruk-kazyna'],
    ['Slavtrans-Servise', 'organization/slavtrans-service'],
    ['Esipova', 'facility/esipovo-industrial-park'],
    ['Krasnogorks', 'region/krasnogorsk'],
  ])('finds %s as %s first', async (query, id) => {
    expect((await topIds(query))[0]).toBe(id);
  });

  it('ranks KTZ above KTZ-Express for every spelling of KTZ', async () => {
    for (const query of ['KTZ', 'КТЖ', 'Қазақстан темір жолы', 'Казахстан темир жолы']) {
      const ids = await topIds(query);
      expect(ids.indexOf('organization/ktz')).toBe(0);
      if (ids.includes('organization/ktz-express')) expect(ids.indexOf('organization/ktz-express')).toBeGreaterThan(0);
    }
  });

  it('finds as you type from a prefix', async () => {
    expect(await topIds('Самру')).toContain('organization/samruk-kazyna');
  });

  it('narrows results to the given kinds', async () => {
    const response = await postGraphQL<SearchResult>(server.url, SEARCH, { query: 'Moscow', kinds: ['ORGANIZATION'] });
    expect(response.data!.search.length).toBeGreaterThan(0);
    expect(response.data!.search.every((hit) => hit.entity.kind === 'ORGANIZATION')).toBe(true);
  });

  it('searches Lucene syntax as plain text', async () => {
    expect(await topIds('KTZ AND (')).toContain('organization/ktz');
    expect(await topIds('"KTZ"~2 || Samruk^9')).toContain('organization/samruk-kazyna');
  });

  it.each(['*', '"', '\\', '   '])('answers %j with a clear BAD_USER_INPUT', async (query) => {
    const response = await postGraphQL(server.url, SEARCH, { query });
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toBe(
      `Argument "query": expected text with at least one letter or digit, got ${JSON.stringify(query)}.`,
    );
  });

  it('refuses first over 100', async () => {
    const response = await postGraphQL(server.url, SEARCH, { query: 'KTZ', first: 101 });
    expect(response.errors?.[0]?.message).toBe('Argument "first": expected an integer from 1 to 100, got 101.');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/neo4j/Database.js';
import { readGraphDigest } from '../../src/repositories/readGraphDigest.js';
import { MAX_SEARCH_TEXT_LENGTH, MAX_SEARCH_WORDS } from '../../src/search/toSearchKey.js';
import { MAX_ALIASES, MAX_NAME_LENGTH, MAX_SEARCH_KEY_CHARACTERS } from '../../src/seed/sourceDocument.js';
import { bearer, createTestKeys } from '../support/createTestKeys.js';
import { postGraphQL, type GraphQLResponse } from '../support/postGraphQL.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

const SOURCE = 'source/2025-09-09-krasnogorsk-business-forum';
const EXCERPT = 'АО «Қазақстан темір жолы»';
const SEARCH = `query ($q: String!) { search(query: $q, first: 5) { entity { id } } }`;
const AGREEMENTS = `query ($text: String) { agreements(filter: { text: $text }) { edges { node { id } } } }`;
const UPSERT = `mutation ($input: UpsertEntityInput!) { upsertEntity(input: $input) { entity { id aliases } } }`;
const ADD_SOURCE = `mutation ($input: AddSourceInput!) { addSource(input: $input) { entity { id } } }`;

/** Words of 6+ letters, each far from the others, so that every one gets exact, prefix and fuzzy clauses. */
const BASES = [
  'kazakh',
  'region',
  'ferrum',
  'nation',
  'ministr',
  'temirl',
  'develo',
  'astana',
  'almaty',
  'kostan',
  'pavlod',
  'semeyq',
];
const words = (count: number) =>
  Array.from({ length: count }, (_, index) => `${BASES[index % BASES.length]}${index}`).join(' ');

/** The first error's code and argument, or NONE. */
const outcome = (response: GraphQLResponse) => ({
  status: response.status,
  code: response.errors?.[0]?.extensions?.code ?? 'NONE',
  argument: response.errors?.[0]?.extensions?.argument,
});

describe('bounded search text (issue 20, repro 5)', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it.each([
    { name: '513 words', text: Array.from({ length: 513 }, () => 'ab').join(' ') },
    { name: '300,000 words', text: 'ab '.repeat(300_000) },
    { name: `${MAX_SEARCH_TEXT_LENGTH + 1} characters`, text: 'a'.repeat(MAX_SEARCH_TEXT_LENGTH + 1) },
    {
      name: `${MAX_SEARCH_WORDS + 1} short words`,
      text: Array.from({ length: MAX_SEARCH_WORDS + 1 }, () => 'ab').join(' '),
    },
  ])(
    'refuses a search of $name with BAD_USER_INPUT naming the argument, as a variable and as a literal',
    async ({ text }) => {
      const asVariable = await postGraphQL(server.url, SEARCH, { q: text });
      expect(outcome(asVariable)).toEqual({ status: 400, code: 'BAD_USER_INPUT', argument: 'query' });
      expect(asVariable.errors![0]!.message).toMatch(/at most \d+ (characters|words)/);
      const asLiteral = await postGraphQL(server.url, `{ search(query: ${JSON.stringify(text)}) { entity { id } } }`);
      expect(outcome(asLiteral)).toEqual({ status: 400, code: 'BAD_USER_INPUT', argument: 'query' });
    },
  );

  it('bounds the agreements text filter alike', async () => {
    expect(outcome(await postGraphQL(server.url, AGREEMENTS, { text: 'ab '.repeat(1000) }))).toEqual({
      status: 400,
      code: 'BAD_USER_INPUT',
      argument: 'filter.text',
    });
  });

  it('still finds a long real name within the bounds', async () => {
    const name =
      'Акционерное общество «Национальная компания «Қазақстан темір жолы»» (АО «НК «КТЖ»), Астана, Казахстан';
    expect(name.length).toBeLessThanOrEqual(MAX_SEARCH_TEXT_LENGTH);
    const response = await postGraphQL<{ search: { entity: { id: string } }[] }>(server.url, SEARCH, { q: name });
    expect(outcome(response)).toEqual({ status: 200, code: 'NONE', argument: undefined });
    expect(response.data!.search.length).toBeGreaterThan(0);
  });

  describe('with an index full of terms each query word expands into', () => {
    const ids: string[] = [];

    beforeAll(async () => {
      // 12 words × (60 fuzzy neighbours + 20 prefix extensions): the most clauses a bounded query can expand into.
      const keys = BASES.flatMap((base, index) => {
        const word = `${base}${index}`;
        const fuzzy = Array.from(
          { length: 60 },
          (_, n) =>
            `${word.slice(0, 3)}${String.fromCharCode(97 + (n % 26))}${word.slice(4)}${n < 26 ? '' : String.fromCharCode(97 + (n % 7))}`,
        );
        const prefixed = Array.from({ length: 20 }, (_, n) => `${word}${String.fromCharCode(97 + n)}`);
        return [...fuzzy, ...prefixed];
      });
      const rows = Array.from({ length: Math.ceil(keys.length / 10) }, (_, n) => ({
        id: `organization/test-bounded-text-${n}`,
        keys: keys.slice(n * 10, n * 10 + 10),
      }));
      ids.push(...rows.map((row) => row.id));
      await server.driver.executeQuery(
        `UNWIND $rows AS row
         CREATE (n:Entity:Organization {id: row.id, kind: 'ORGANIZATION', nameEn: row.id, searchKeys: row.keys,
                                        searchText: reduce(text = '', key IN row.keys | text + ' , ' + key)})`,
        { rows },
      );
    });
    afterAll(async () => {
      await server.driver.executeQuery('UNWIND $ids AS id MATCH (n:Entity {id: id}) DETACH DELETE n', { ids });
    });

    it(`answers a ${MAX_SEARCH_WORDS}-word search without a Lucene error`, async () => {
      const response = await postGraphQL<{ search: { entity: { id: string } }[] }>(server.url, SEARCH, {
        q: words(MAX_SEARCH_WORDS),
      });
      expect(outcome(response)).toEqual({ status: 200, code: 'NONE', argument: undefined });
      expect(response.data!.search.length).toBeGreaterThan(0);
    });
  });
});

describe('bounded names and aliases (issue 20, repro 6)', () => {
  let server: TestServer;
  let keys: Awaited<ReturnType<typeof createTestKeys>>;
  const db = () => createDatabase({ driver: server.driver });
  const changeCount = async () =>
    (await db().read<{ count: number }>('MATCH (c:Change) RETURN count(c) AS count'))[0]!.count;
  const entity = (slug: string, extra: Record<string, unknown> = {}) => ({
    id: `organization/test-bounded-${slug}`,
    kind: 'ORGANIZATION',
    names: { en: `Bounded ${slug}` },
    evidence: { sourceId: SOURCE, excerpts: [EXCERPT] },
    ...extra,
  });
  const upsert = (input: Record<string, unknown>) =>
    postGraphQL<{ upsertEntity: { entity: { aliases: string[] } } }>(
      server.url,
      UPSERT,
      { input },
      bearer(keys.editor),
    );

  beforeAll(async () => {
    server = await startTestServer();
    keys = await createTestKeys(server.driver, 'bounded');
  });
  afterAll(() => server.close());

  it.each([
    {
      name: 'a 10,000-character name',
      input: entity('long-name', { names: { en: 'N'.repeat(10_000) } }),
      field: 'input.names.en',
      limit: `${MAX_NAME_LENGTH} characters`,
    },
    {
      name: 'a 10,000-character alias',
      input: entity('long-alias', { aliases: ['A'.repeat(10_000)] }),
      field: 'input.aliases[0]',
      limit: `${MAX_NAME_LENGTH} characters`,
    },
    {
      name: '1,000 aliases',
      input: entity('many-aliases', { aliases: Array.from({ length: 1000 }, (_, n) => `alias ${n}`) }),
      field: 'input.aliases',
      limit: `${MAX_ALIASES} aliases`,
    },
    { name: 'a 10,000-character id', input: entity('x'.repeat(10_000)), field: 'input.id', limit: '200 characters' },
  ])(
    'refuses $name with BAD_USER_INPUT naming the field and the limit, writing nothing',
    async ({ input, field, limit }) => {
      const [before, changes] = [await readGraphDigest(db()), await changeCount()];
      const response = await upsert(input);
      expect(outcome(response)).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
      const problems = response.errors![0]!.extensions!.problems as string[];
      expect(problems.some((problem) => problem.startsWith(`${field}:`) && problem.includes(limit))).toBe(true);
      expect(JSON.stringify(response)).not.toMatch(/element id|Index\(|entity_search/);
      expect([await readGraphDigest(db()), await changeCount()]).toEqual([before, changes]);
    },
  );

  it('refuses a source title past its bound', async () => {
    const response = await postGraphQL(
      server.url,
      ADD_SOURCE,
      { input: { id: 'source/test-bounded', title: 'T'.repeat(10_000), publishedOn: '2025-01-01', language: 'en' } },
      bearer(keys.editor),
    );
    expect(outcome(response)).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
    expect(response.errors![0]!.extensions!.problems).toEqual([
      expect.stringMatching(/^input\.title: .*500 characters/),
    ]);
  });

  it('refuses the upsert that would push the merged aliases past the bound, and writes nothing of it', async () => {
    const batch = (from: number) => Array.from({ length: 20 }, (_, n) => `Grown alias ${from + n}`);
    const first = await upsert(entity('growing', { aliases: batch(0) }));
    expect(first.data?.upsertEntity.entity.aliases).toHaveLength(20);
    const [before, changes] = [await readGraphDigest(db()), await changeCount()];
    const second = await upsert(entity('growing', { aliases: batch(20) }));
    expect(outcome(second)).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
    expect(second.errors![0]!.extensions!.problems).toEqual([
      expect.stringMatching(
        new RegExp(`^input\\.aliases: expected at most ${MAX_ALIASES} aliases, stored ones included .*got 40$`),
      ),
    ]);
    expect([await readGraphDigest(db()), await changeCount()]).toEqual([before, changes]);
  });

  it('refuses renames that would push the kept search keys past the bound, before the index fails', async () => {
    const name = (n: number) =>
      `${String(n).padStart(3, '0')} ${'Переименованная компания '.repeat(7)}`.slice(0, MAX_NAME_LENGTH);
    let refused: GraphQLResponse | null = null;
    let renames = 0;
    // Each rename keeps the earlier name searchable (and as an alias); a bound answers long before the ~8 KB index
    // limit, that of the search keys or that of the aliases, whichever is reached first.
    for (let n = 0; n < 100 && !refused; n += 1) {
      const response = await upsert(entity('renamed', { names: { ru: name(n) } }));
      if (response.errors) refused = response;
      else renames += 1;
    }
    expect(renames).toBeGreaterThan(5);
    expect(outcome(refused!)).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
    expect(refused!.errors![0]!.extensions!.problems).toEqual([
      expect.stringMatching(
        new RegExp(
          `^input\\.(names: .*at most ${MAX_SEARCH_KEY_CHARACTERS} characters|aliases: expected at most ${MAX_ALIASES} aliases)`,
        ),
      ),
    ]);
    const [stored] = await db().read<{ keys: string[] }>('MATCH (n:Entity {id: $id}) RETURN n.searchKeys AS keys', {
      id: entity('renamed').id,
    });
    expect(stored!.keys.reduce((total, key) => total + key.length + 2, 0)).toBeLessThanOrEqual(
      MAX_SEARCH_KEY_CHARACTERS,
    );
  });
});

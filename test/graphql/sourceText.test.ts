import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/neo4j/Database.js';
import { writeGraph } from '../../src/repositories/writeGraph.js';
import { planGraphWrite } from '../../src/seed/planGraphWrite.js';
import { MAX_SOURCE_TEXT_LENGTH, sourceDocumentSchema } from '../../src/seed/sourceDocument.js';
import { bearer, createTestKeys } from '../support/createTestKeys.js';
import { postGraphQL, type GraphQLResponse } from '../support/postGraphQL.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

const SOURCE = 'source/test-source-text-wire';
const TEXT =
  'Акимат Алматинской области и АО «НК «ҚТЖ» подписали меморандум.\r\nПлощадь терминала — 12 тысяч м².\nВсё остальное — потом.';
const SHA256 = createHash('sha256').update(TEXT, 'utf8').digest('hex');
const GOOD = 'АО «НК «ҚТЖ» подписали меморандум';
const RETYPED = 'АО «НК «КТЖ» подписали меморандум';

const ADD_SOURCE = `mutation ($input: AddSourceInput!) { addSource(input: $input) { entity { id ... on Source { contentSha256 textLength } } } }`;
const UPSERT = `mutation ($input: UpsertEntityInput!) { upsertEntity(input: $input) { entity { id evidence { excerpt } } } }`;
const ADD_RELATION = `mutation ($input: AddRelationInput!) { addRelation(input: $input) { relation { id } } }`;
const source = (extra: Record<string, unknown> = {}) => ({
  id: SOURCE,
  title: 'Test wire with its text',
  publishedOn: '2025-10-01',
  language: 'ru',
  ...extra,
});
const organization = (slug: string, excerpts: string[], attributes: unknown[] = []) => ({
  id: `organization/test-source-text-${slug}`,
  kind: 'ORGANIZATION',
  names: { ru: `Тест ${slug}` },
  evidence: { sourceId: SOURCE, excerpts },
  attributes,
});

describe('a source kept with its text (issue 17, item 4)', () => {
  let server: TestServer;
  let keys: Awaited<ReturnType<typeof createTestKeys>>;
  const db = () => createDatabase({ driver: server.driver });
  const as = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown>) =>
    postGraphQL<T>(server.url, query, variables, bearer(keys.editor));
  const changeCount = async () => (await db().read<{ n: number }>('MATCH (c:Change) RETURN count(c) AS n'))[0]!.n;
  const entityExists = async (id: string) =>
    (await db().read<{ n: number }>('MATCH (n:Entity {id: $id}) RETURN count(n) AS n', { id }))[0]!.n === 1;
  const refusal = (response: GraphQLResponse) => {
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    return response.errors![0]!.message;
  };

  beforeAll(async () => {
    server = await startTestServer();
    keys = await createTestKeys(server.driver, 'source-text');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('keeps the text apart from the source and its SHA-256 on it, computed from the text', async () => {
    const response = await as(ADD_SOURCE, { input: source({ text: TEXT }) });
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      addSource: { entity: { id: SOURCE, contentSha256: SHA256, textLength: TEXT.length } },
    });
    const [stored] = await db().read<{ text: string; onSource: unknown }>(
      `MATCH (s:Source {id: $id}), (t:SourceText {sha256: s.contentSha256}) RETURN t.text AS text, s.text AS onSource`,
      { id: SOURCE },
    );
    expect(stored).toEqual({ text: TEXT, onSource: null });
  });

  it('refuses a hash that is not the text’s, naming input.contentSha256, and writes nothing', async () => {
    const before = await changeCount();
    const id = 'source/test-source-text-mismatch';
    const message = refusal(await as(ADD_SOURCE, { input: source({ id, text: TEXT, contentSha256: '0'.repeat(64) }) }));
    expect(message).toContain(`input.contentSha256: expected the SHA-256 of the given text (${SHA256})`);
    expect(await entityExists(id)).toBe(false);
    expect(await changeCount()).toBe(before);
  });

  it('accepts a hash that agrees with the text', async () => {
    const response = await as(ADD_SOURCE, { input: source({ text: TEXT, contentSha256: SHA256 }) });
    expect(response.errors).toBeUndefined();
  });

  it('refuses an excerpt not verbatim in the text, naming it, and writes none of the input', async () => {
    const before = await changeCount();
    const id = 'organization/test-source-text-retyped';
    const message = refusal(await as(UPSERT, { input: organization('retyped', [GOOD, RETYPED]) }));
    expect(message).toContain(
      `input.evidence.excerpts[1]: expected a verbatim excerpt of the text kept for ${SOURCE}, got "АО «НК «КТЖ» подписали меморандум"`,
    );
    expect(message).not.toContain('excerpts[0]');
    expect(await entityExists(id)).toBe(false);
    expect(await changeCount()).toBe(before);
  });

  it('names an attribute’s excerpt and a relation’s excerpt by their input fields', async () => {
    const attribute = { key: 'areaSquareMeters', number: 12000, excerpts: ['Площадь терминала — 12 тысяч кв. м'] };
    const message = refusal(await as(UPSERT, { input: organization('attribute', [GOOD], [attribute]) }));
    expect(message).toContain('input.attributes[0].excerpts[0]: expected a verbatim excerpt');
    const relation = refusal(
      await as(ADD_RELATION, {
        input: {
          type: 'BASED_IN',
          fromId: 'organization/slavtrans-service',
          toId: 'region/almaty-oblast',
          evidence: { sourceId: SOURCE, excerpts: ['Акимат Алматы'] },
        },
      }),
    );
    expect(relation).toContain('input.evidence.excerpts[0]: expected a verbatim excerpt');
  });

  it('accepts exact excerpts, across a CRLF line end too', async () => {
    const acrossLines = 'меморандум.\nПлощадь терминала';
    const response = await as<{ upsertEntity: { entity: { evidence: { excerpt: string }[] } } }>(UPSERT, {
      input: organization('exact', [GOOD, acrossLines]),
    });
    expect(response.errors).toBeUndefined();
    expect(response.data!.upsertEntity.entity.evidence.map(({ excerpt }) => excerpt).sort()).toEqual(
      [GOOD, acrossLines].sort(),
    );
  });

  it('refuses a new text that lacks an excerpt already quoted from the source, naming input.text', async () => {
    const shorter = TEXT.replace('подписали', 'подписывают');
    const message = refusal(await as(ADD_SOURCE, { input: source({ text: shorter }) }));
    expect(message).toContain(`input.text: expected a text containing every excerpt already quoted from ${SOURCE}`);
    const [kept] = await db().read<{ sha256: string }>('MATCH (s:Source {id: $id}) RETURN s.contentSha256 AS sha256', {
      id: SOURCE,
    });
    expect(kept!.sha256).toBe(SHA256);
  });

  it('checks seed documents against the kept text too, in the seed author’s words', async () => {
    const document = sourceDocumentSchema.parse({
      source: source(),
      entities: [
        { id: 'organization/test-source-text-seed', kind: 'ORGANIZATION', names: { en: 'Seed' }, evidence: RETYPED },
      ],
    });
    await expect(
      writeGraph(db(), planGraphWrite([{ file: 'seeds/wire.yaml', document }]), { actor: 'test', operation: 'seed' }),
    ).rejects.toThrow(
      `seeds/wire.yaml: organization/test-source-text-seed: evidence[0]: excerpt "${RETYPED}" is not verbatim in the text kept for ${SOURCE}`,
    );
    expect(await entityExists('organization/test-source-text-seed')).toBe(false);
  });

  it('bounds the text, given as a literal or as a variable', async () => {
    const long = 'a'.repeat(MAX_SOURCE_TEXT_LENGTH + 1);
    const id = 'source/test-source-text-long';
    const expected = `input.text: expected a text of at most ${MAX_SOURCE_TEXT_LENGTH} characters`;
    expect(refusal(await as(ADD_SOURCE, { input: source({ id, text: long }) }))).toContain(expected);
    const literal = `mutation { addSource(input: {id: "${id}", title: "Long", publishedOn: "2025-10-01", language: "en", text: "${long}"}) { entity { id } } }`;
    expect(refusal(await as(literal, {}))).toContain(expected);
    expect(await entityExists(id)).toBe(false);
  });
});

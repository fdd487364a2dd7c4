import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkLoadDocuments } from '../../src/bulk/bulkLoadDocuments.js';
import { createDatabase } from '../../src/neo4j/Database.js';
import { loadSeeds } from '../../src/loadSeeds.js';
import { createTestKeys, bearer } from '../support/createTestKeys.js';
import { postGraphQL } from '../support/postGraphQL.js';
import { startIsolatedNeo4j, type IsolatedNeo4j } from '../support/startIsolatedNeo4j.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

const SOURCE = 'source/test-mutation-wire';
const EXCERPT = 'The wire report says so.';
const evidence = { sourceId: SOURCE, excerpts: [EXCERPT] };

const ADD_SOURCE = `mutation ($input: AddSourceInput!) { addSource(input: $input) { entity { id ... on Source { title language } } change { id actor operation } } }`;
const UPSERT = `mutation ($input: UpsertEntityInput!) { upsertEntity(input: $input) { entity { id kind name aliases attributes { id key value number unit } evidence { excerpt source { id } } } change { id actor entityIds attributeIds } } }`;
const RECORD = `mutation ($input: RecordAgreementInput!) { recordAgreement(input: $input) { entity { id ... on Agreement { signedOn signedAt { id } parties { role party { id } } signatories { id } subjects { id } } } change { relationIds } } }`;
const ADD_RELATION = `mutation ($input: AddRelationInput!) { addRelation(input: $input) { relation { id type role from { id } to { id } evidence { excerpt } } change { relationIds } } }`;
const RETRACT = `mutation ($input: RetractFactInput!) { retractFact(input: $input) { id kind retractedAt retractedBy reason change { actor operation reason } } }`;
const CHANGES = `query ($first: Int, $after: String) { changes(first: $first, after: $after) { edges { cursor node { id actor operation at entityIds relationIds reason } } pageInfo { hasNextPage endCursor } } }`;

const entity = (slug: string, kind = 'ORGANIZATION', prefix = 'organization') => ({
  id: `${prefix}/test-mutation-${slug}`,
  kind,
  names: { en: `Test ${slug}` },
  evidence,
});

/** One valid call of each mutation, in an order that satisfies their dependencies. */
const MUTATIONS: { name: string; query: string; input: Record<string, unknown>; role: 'editor' | 'admin' }[] = [
  {
    name: 'addSource',
    query: ADD_SOURCE,
    input: { id: SOURCE, title: 'Test wire report', publishedOn: '2025-10-01', language: 'en' },
    role: 'editor',
  },
  { name: 'upsertEntity', query: UPSERT, input: entity('auth'), role: 'editor' },
  {
    name: 'recordAgreement',
    query: RECORD,
    input: {
      id: 'agreement/test-mutation-auth',
      names: { en: 'Auth agreement' },
      evidence,
      parties: [{ id: 'organization/test-mutation-auth', role: 'party', excerpts: [EXCERPT] }],
    },
    role: 'editor',
  },
  {
    name: 'addRelation',
    query: ADD_RELATION,
    input: { type: 'BASED_IN', fromId: 'organization/test-mutation-auth', toId: 'region/krasnogorsk', evidence },
    role: 'editor',
  },
  {
    name: 'retractFact',
    query: RETRACT,
    input: { id: 'agreement/test-mutation-auth', reason: 'Recorded by the auth test' },
    role: 'admin',
  },
];

describe('mutations', () => {
  let neo4j: IsolatedNeo4j;
  let server: TestServer;
  let keys: Awaited<ReturnType<typeof createTestKeys>>;

  beforeAll(async () => {
    neo4j = await startIsolatedNeo4j();
    server = await startTestServer({ driver: neo4j.driver });
    keys = await createTestKeys(neo4j.driver, 'mutations');
  });
  afterAll(async () => {
    await server?.close();
    await neo4j?.close();
  });

  describe.each(MUTATIONS)('$name', ({ name, query, input, role }) => {
    it('answers UNAUTHENTICATED (401) without a token and writes nothing', async () => {
      const response = await postGraphQL(server.url, query, { input });
      expect(response.status).toBe(401);
      expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('answers FORBIDDEN (403) to a token without the needed role', async () => {
      const weaker = role === 'admin' ? keys.editor : keys.reader;
      const response = await postGraphQL(server.url, query, { input }, bearer(weaker));
      expect(response.status).toBe(403);
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it(`lands for the ${role} role and names the actor in the audit trail`, async () => {
      const response = await postGraphQL<Record<string, { change: { actor?: string } }>>(
        server.url,
        query,
        { input },
        bearer(keys[role]),
      );
      expect(response.errors).toBeUndefined();
      expect(response.status).toBe(200);
      expect(response.data?.[name]?.change.actor ?? `key:mutations ${role}`).toBe(`key:mutations ${role}`);
    });
  });

  it('reads back what was written, with its evidence', async () => {
    const response = await postGraphQL<{
      entity: { id: string; evidence: { excerpt: string; source: { id: string } }[] };
    }>(server.url, `{ entity(id: "organization/test-mutation-auth") { id evidence { excerpt source { id } } } }`);
    expect(response.data?.entity.evidence).toEqual([{ excerpt: EXCERPT, source: { id: SOURCE } }]);
  });

  it('names an entity without an English name by the first it has of RU, KK, whether or not all names are read', async () => {
    const input = { ...entity('no-english'), names: { ru: 'Только по-русски', kk: 'Тек қазақша' } };
    expect((await postGraphQL(server.url, UPSERT, { input }, bearer(keys.editor))).errors).toBeUndefined();
    // A plain `name` alone reads only the first name present; a language or `names` reads them all.
    const plain = await postGraphQL<{ entity: { name: string } }>(server.url, `{ entity(id: "${input.id}") { name } }`);
    const localized = await postGraphQL<{ entity: Record<string, unknown> }>(
      server.url,
      `{ entity(id: "${input.id}") { name kk: name(lang: KK) names { lang value } } }`,
    );
    expect(plain.data?.entity).toEqual({ name: 'Только по-русски' });
    expect(localized.data?.entity).toEqual({
      name: 'Только по-русски',
      kk: 'Тек қазақша',
      names: [
        { lang: 'RU', value: 'Только по-русски' },
        { lang: 'KK', value: 'Тек қазақша' },
      ],
    });
  });

  it('records an agreement with parties, signatories, event, subjects and date', async () => {
    const headers = bearer(keys.editor);
    await postGraphQL(server.url, UPSERT, { input: entity('signer', 'PERSON', 'person') }, headers);
    await postGraphQL(server.url, UPSERT, { input: entity('hub', 'PROJECT', 'project') }, headers);
    const response = await postGraphQL<{
      recordAgreement: { entity: Record<string, unknown>; change: { relationIds: string[] } };
    }>(
      server.url,
      RECORD,
      {
        input: {
          id: 'agreement/test-mutation-hub-deal',
          names: { en: 'Hub deal', ru: 'Соглашение о хабе' },
          evidence,
          parties: [
            { id: 'organization/test-mutation-auth', role: 'investor', excerpts: [EXCERPT] },
            { id: 'region/almaty-oblast', role: 'party', excerpts: [EXCERPT] },
          ],
          signatories: [{ id: 'person/test-mutation-signer', excerpts: [EXCERPT] }],
          signedOn: { date: '2025-10-01', excerpts: [EXCERPT] },
          signedAt: { id: 'event/krasnogorsk-business-forum-2025', excerpts: [EXCERPT] },
          subjects: [{ id: 'project/test-mutation-hub', excerpts: [EXCERPT] }],
        },
      },
      headers,
    );
    expect(response.errors).toBeUndefined();
    const agreement = response.data!.recordAgreement.entity;
    expect(agreement).toMatchObject({
      signedOn: '2025-10-01',
      signedAt: { id: 'event/krasnogorsk-business-forum-2025' },
      signatories: [{ id: 'person/test-mutation-signer' }],
      subjects: [{ id: 'project/test-mutation-hub' }],
    });
    expect(agreement.parties).toEqual(
      expect.arrayContaining([
        { role: 'investor', party: { id: 'organization/test-mutation-auth' } },
        { role: 'party', party: { id: 'region/almaty-oblast' } },
      ]),
    );
    expect(response.data!.recordAgreement.change.relationIds).toHaveLength(5);
  });

  it('refuses input that breaks the seed rules with BAD_USER_INPUT naming each field', async () => {
    const response = await postGraphQL(
      server.url,
      UPSERT,
      {
        input: {
          id: 'person/test-mutation-Bad Id',
          kind: 'ORGANIZATION',
          names: {},
          evidence: { sourceId: SOURCE, excerpts: ['no'] },
          attributes: [{ key: 'Area', value: '5', number: 5, excerpts: [EXCERPT] }],
        },
      },
      bearer(keys.editor),
    );
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const problems = response.errors![0]!.extensions!.problems as string[];
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^input\.id: expected "kind\/slug"/),
        expect.stringMatching(/^input\.names: expected at least one of en, ru, kk/),
        expect.stringMatching(/^input\.evidence\.excerpts\[0\]: expected a verbatim excerpt of at least 3 characters/),
        expect.stringMatching(/^input\.attributes\[0\]: expected exactly one of "value" and "number"/),
        expect.stringMatching(/^input\.attributes\[0\]\.key: expected a camelCase key/),
      ]),
    );
  });

  it('refuses an inferred fact without its reasoning, and a stated one with reasoning, naming each field', async () => {
    const response = await postGraphQL(
      server.url,
      ADD_RELATION,
      {
        input: {
          type: 'BASED_IN',
          fromId: 'organization/test-mutation-auth',
          toId: 'region/krasnogorsk',
          evidence,
          basis: 'INFERRED',
        },
      },
      bearer(keys.editor),
    );
    expect(response.errors?.[0]?.extensions?.problems).toEqual([
      'input.inference: expected "inference" (the reasoning in one sentence) when basis is INFERRED',
    ]);
    const stated = await postGraphQL(
      server.url,
      UPSERT,
      {
        input: {
          ...entity('basis'),
          attributes: [
            { key: 'staff', number: 5, excerpts: [EXCERPT], inference: 'Counted from the staff list of the report.' },
          ],
        },
      },
      bearer(keys.editor),
    );
    expect(stated.errors?.[0]?.extensions?.problems).toEqual([
      'input.attributes[0].inference: expected no "inference" when basis is STATED: the excerpts state it',
    ]);
  });

  it('records an inferred relation with its reasoning', async () => {
    const inference = 'The wire report names the company among firms of Krasnogorsk.';
    const response = await postGraphQL<{ addRelation: { relation: { id: string } } }>(
      server.url,
      ADD_RELATION,
      {
        input: {
          type: 'OPERATES_IN',
          fromId: 'organization/test-mutation-auth',
          toId: 'region/krasnogorsk',
          evidence,
          basis: 'INFERRED',
          inference,
        },
      },
      bearer(keys.editor),
    );
    expect(response.errors).toBeUndefined();
    const read = await postGraphQL<{ entity: { relations: { basis: string; inference: string | null }[] } }>(
      server.url,
      '{ entity(id: "organization/test-mutation-auth") { relations(types: ["OPERATES_IN"]) { basis inference } } }',
    );
    expect(read.data!.entity.relations).toEqual([{ basis: 'INFERRED', inference }]);
  });

  it('keeps a name that a later write replaces as an alias', async () => {
    const first = await postGraphQL(
      server.url,
      UPSERT,
      { input: { ...entity('renamed'), names: { en: 'Old Name Ltd', ru: 'Старое имя' } } },
      bearer(keys.editor),
    );
    expect(first.errors).toBeUndefined();
    const second = await postGraphQL<{ upsertEntity: { entity: { name: string; aliases: string[] } } }>(
      server.url,
      UPSERT,
      { input: { ...entity('renamed'), names: { en: 'New Name Ltd', ru: 'Старое имя' } } },
      bearer(keys.editor),
    );
    expect(second.errors).toBeUndefined();
    expect(second.data!.upsertEntity.entity.name).toBe('New Name Ltd');
    expect(second.data!.upsertEntity.entity.aliases).toEqual(['Old Name Ltd']);
  });

  it('answers an added relation whose selection leaves out its id', async () => {
    const response = await postGraphQL<{
      addRelation: { relation: { type: string; role: string; to: { id: string } } };
    }>(
      server.url,
      'mutation ($input: AddRelationInput!) { addRelation(input: $input) { relation { type role to { id } } } }',
      {
        input: {
          type: 'SUPPLIES',
          fromId: 'organization/test-mutation-auth',
          toId: 'region/krasnogorsk',
          role: 'grain',
          evidence,
        },
      },
      bearer(keys.editor),
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.addRelation.relation).toEqual({
      type: 'SUPPLIES',
      role: 'grain',
      to: { id: 'region/krasnogorsk' },
    });
  });

  it('refuses evidence from a source that was never added', async () => {
    const response = await postGraphQL(
      server.url,
      UPSERT,
      { input: { ...entity('orphan'), evidence: { sourceId: 'source/test-mutation-nowhere', excerpts: [EXCERPT] } } },
      bearer(keys.editor),
    );
    expect(response.errors?.[0]?.extensions?.problems).toEqual([
      expect.stringMatching(/^input\.evidence\.sourceId: unknown source "source\/test-mutation-nowhere"/),
    ]);
  });

  it('refuses a relation to an unknown entity and names the field, writing nothing', async () => {
    const response = await postGraphQL(
      server.url,
      RECORD,
      {
        input: {
          id: 'agreement/test-mutation-ghost',
          names: { en: 'Ghost' },
          evidence,
          parties: [{ id: 'organization/test-mutation-ghost', excerpts: [EXCERPT] }],
        },
      },
      bearer(keys.editor),
    );
    expect(response.errors?.[0]?.extensions?.problems).toEqual([
      expect.stringMatching(/^input\.parties\[0\]: unknown entity "organization\/test-mutation-ghost"/),
    ]);
    const check = await postGraphQL<{ entity: unknown }>(
      server.url,
      `{ entity(id: "agreement/test-mutation-ghost") { id } }`,
    );
    expect(check.data?.entity).toBeNull();
  });

  it('retracts a relation and an attribute: hidden from reads, kept with who and why', async () => {
    const headers = bearer(keys.editor);
    const upserted = await postGraphQL<{ upsertEntity: { entity: { attributes: { id: string }[] } } }>(
      server.url,
      UPSERT,
      {
        input: {
          ...entity('figures'),
          attributes: [{ key: 'staff', number: 40, unit: 'people', excerpts: [EXCERPT] }],
        },
      },
      headers,
    );
    const attributeId = upserted.data!.upsertEntity.entity.attributes[0]!.id;
    const added = await postGraphQL<{ addRelation: { relation: { id: string } } }>(
      server.url,
      ADD_RELATION,
      {
        input: { type: 'BASED_IN', fromId: 'organization/test-mutation-figures', toId: 'region/krasnogorsk', evidence },
      },
      headers,
    );
    const relationId = added.data!.addRelation.relation.id;
    for (const [id, kind] of [
      [attributeId, 'ATTRIBUTE'],
      [relationId, 'RELATION'],
    ] as const) {
      const response = await postGraphQL<{ retractFact: Record<string, unknown> }>(
        server.url,
        RETRACT,
        { input: { id, reason: 'Misread the report' } },
        bearer(keys.admin),
      );
      expect(response.data?.retractFact).toMatchObject({
        id,
        kind,
        retractedBy: 'key:mutations admin',
        reason: 'Misread the report',
      });
    }
    const read = await postGraphQL<{ entity: { attributes: unknown[]; relations: unknown[] } }>(
      server.url,
      `{ entity(id: "organization/test-mutation-figures") { attributes { id } relations { id } } }`,
    );
    expect(read.data?.entity).toEqual({ attributes: [], relations: [] });
    const [stored] = await createDatabase({ driver: neo4j.driver }).read<{ reason: string; by: string }>(
      'MATCH ()-[r {id: $id}]->() RETURN r.retractionReason AS reason, r.retractedBy AS by',
      { id: relationId },
    );
    expect(stored).toEqual({ reason: 'Misread the report', by: 'key:mutations admin' });
  });

  it('takes the excerpts of a retracted source out of every evidence list, however the source is selected', async () => {
    const retracted = 'source/test-mutation-withdrawn';
    const id = 'organization/test-mutation-cited';
    const added = await postGraphQL(
      server.url,
      ADD_SOURCE,
      { input: { id: retracted, title: 'Withdrawn report', publishedOn: '2025-10-02', language: 'en' } },
      bearer(keys.editor),
    );
    expect(added.errors).toBeUndefined();
    for (const cited of [{ sourceId: retracted, excerpts: ['The withdrawn report says so.'] }, evidence]) {
      const upserted = await postGraphQL(
        server.url,
        UPSERT,
        { input: { ...entity('cited'), evidence: cited } },
        bearer(keys.editor),
      );
      expect(upserted.errors).toBeUndefined();
    }
    const read = (source: string) =>
      postGraphQL<{ entity: { evidence: { excerpt: string; source: { id: string } }[] } }>(
        server.url,
        `{ entity(id: "${id}") { evidence { excerpt source { ${source} } } } }`,
      );
    expect((await read('id')).data?.entity.evidence.map((item) => item.source.id)).toEqual([retracted, SOURCE]);

    const retraction = await postGraphQL(
      server.url,
      RETRACT,
      { input: { id: retracted, reason: 'The report was withdrawn' } },
      bearer(keys.admin),
    );
    expect(retraction.errors).toBeUndefined();
    // Loading its documents again, with excerpts the graph has not seen, does not bring the source's excerpts back.
    const directory = await mkdtemp(path.join(os.tmpdir(), 'coopgraph-withdrawn-'));
    const document = (excerpt: string) =>
      `source: { id: ${retracted}, title: Withdrawn report, publishedOn: 2025-10-02, language: en }\nentities:\n  - { id: ${id}, kind: ORGANIZATION, names: { en: Test cited }, evidence: ["${excerpt}"] }\n`;
    const db = createDatabase({ driver: neo4j.driver });
    const liveExcerpts = () =>
      db.read('MATCH (x:Excerpt {sourceId: $retracted}) WHERE x.retractedAt IS NULL RETURN x.text AS text', {
        retracted,
      });
    await writeFile(path.join(directory, 'withdrawn.yaml'), document('A sentence loaded as a seed.'));
    await loadSeeds(db, directory, 'test');
    expect(await liveExcerpts()).toEqual([]);
    await writeFile(path.join(directory, 'withdrawn.yaml'), document('A sentence loaded in bulk.'));
    await bulkLoadDocuments(db, directory, { progress: false });
    expect(await liveExcerpts()).toEqual([]);
    await rm(directory, { recursive: true, force: true });
    const stored = await db.read<{ count: number }>(
      'MATCH (x:Excerpt {sourceId: $retracted}) RETURN count(x) AS count',
      { retracted },
    );
    expect(stored).toEqual([{ count: 3 }]);

    for (const source of ['id', 'id title']) {
      const response = await read(source);
      expect(response.errors).toBeUndefined();
      expect(response.data?.entity.evidence).toEqual([
        { excerpt: EXCERPT, source: expect.objectContaining({ id: SOURCE }) },
      ]);
    }
  });

  it('keeps the signedOn property agreements sort by in step with written and retracted signedOn attributes', async () => {
    const id = 'agreement/test-mutation-dated';
    const recorded = await postGraphQL<{ recordAgreement: { entity: { signedOn: string | null } } }>(
      server.url,
      RECORD,
      {
        input: {
          id,
          names: { en: 'Dated agreement' },
          evidence,
          signedOn: { date: '2031-02-03', excerpts: [EXCERPT] },
          parties: [{ id: 'organization/test-mutation-auth', role: 'party', excerpts: [EXCERPT] }],
        },
      },
      bearer(keys.editor),
    );
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data?.recordAgreement.entity.signedOn).toBe('2031-02-03');
    const db = createDatabase({ driver: neo4j.driver });
    const stored = async () =>
      (
        await db.read<{ signedOn: string | null }>('MATCH (n:Entity {id: $id}) RETURN n.signedOn AS signedOn', { id })
      )[0]?.signedOn ?? null;
    expect(await stored()).toBe('2031-02-03');
    const newest = async () =>
      (
        await postGraphQL<{ agreements: { edges: { node: { id: string; signedOn: string | null } }[] } }>(
          server.url,
          `{ agreements(first: 1) { edges { node { id signedOn } } } }`,
        )
      ).data?.agreements.edges[0]?.node;
    expect(await newest()).toEqual({ id, signedOn: '2031-02-03' });

    const [attribute] = await db.read<{ id: string }>(
      "MATCH (a:Attribute {entityId: $id, key: 'signedOn'}) RETURN a.id AS id",
      { id },
    );
    const retracted = await postGraphQL(
      server.url,
      RETRACT,
      { input: { id: attribute!.id, reason: 'Wrong date' } },
      bearer(keys.admin),
    );
    expect(retracted.errors).toBeUndefined();
    expect(await stored()).toBeNull();
    expect((await newest())?.id).not.toBe(id);
    const read = await postGraphQL<{ entity: { signedOn: string | null } }>(
      server.url,
      `{ entity(id: "${id}") { ... on Agreement { signedOn } } }`,
    );
    expect(read.data?.entity.signedOn).toBeNull();
  });

  it('pages the audit trail for editors, newest first, and refuses it to readers', async () => {
    expect(
      (await postGraphQL(server.url, CHANGES, { first: 2 }, bearer(keys.reader))).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect((await postGraphQL(server.url, CHANGES, { first: 2 })).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    type Page = {
      changes: {
        edges: { cursor: string; node: { at: string; id: string; operation: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const first = await postGraphQL<Page>(server.url, CHANGES, { first: 2 }, bearer(keys.editor));
    const second = await postGraphQL<Page>(
      server.url,
      CHANGES,
      { first: 2, after: first.data!.changes.pageInfo.endCursor },
      bearer(keys.editor),
    );
    const nodes = [...first.data!.changes.edges, ...second.data!.changes.edges].map((edge) => edge.node);
    expect(first.data!.changes.pageInfo.hasNextPage).toBe(true);
    expect(new Set(nodes.map((node) => node.id)).size).toBe(4);
    const times = nodes.map((node) => Date.parse(node.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(nodes[0]!.operation).toBe('retractFact');
  });

  it('keeps 200 concurrent upserts over 20 ids to exactly 20 nodes', async () => {
    const headers = bearer(keys.editor);
    const started = performance.now();
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        postGraphQL(
          server.url,
          UPSERT,
          { input: { ...entity(`concurrent-${index % 20}`), aliases: [`alias ${index}`] } },
          headers,
        ),
      ),
    );
    const elapsed = performance.now() - started;
    expect(responses.filter((response) => response.errors)).toEqual([]);
    const [row] = await createDatabase({ driver: neo4j.driver }).read<{ nodes: number; aliases: number }>(
      `MATCH (n:Entity) WHERE n.id STARTS WITH 'organization/test-mutation-concurrent-' RETURN count(n) AS nodes, sum(size(n.aliases)) AS aliases`,
    );
    expect(row).toEqual({ nodes: 20, aliases: 200 });
    console.info(`200 concurrent upserts over 20 ids: ${Math.round(elapsed)} ms`);
  });
});

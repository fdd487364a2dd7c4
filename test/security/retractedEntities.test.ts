import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/neo4j/Database.js';
import { readGraphDigest } from '../../src/repositories/readGraphDigest.js';
import { bearer, createTestKeys } from '../support/createTestKeys.js';
import { postGraphQL, type GraphQLResponse } from '../support/postGraphQL.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

const SOURCE = 'source/2025-09-09-krasnogorsk-business-forum';
const EXCERPT = 'АО «Қазақстан темір жолы»';
const evidence = { sourceId: SOURCE, excerpts: [EXCERPT] };

const UPSERT = `mutation ($input: UpsertEntityInput!) { upsertEntity(input: $input) { entity { id } } }`;
const ADD_RELATION = `mutation ($input: AddRelationInput!) { addRelation(input: $input) { relation { id } } }`;
const ADD_SOURCE = `mutation ($input: AddSourceInput!) { addSource(input: $input) { entity { id } } }`;
const RECORD = `mutation ($input: RecordAgreementInput!) { recordAgreement(input: $input) { entity { id } } }`;
const RETRACT = `mutation ($input: RetractFactInput!) { retractFact(input: $input) { id } }`;

const RETRACTED = 'organization/test-retracted-gone';
const LIVE = 'organization/test-retracted-live';
const RETRACTED_SOURCE = 'source/test-retracted-withdrawn';
const organization = (id: string) => ({ id, kind: 'ORGANIZATION', names: { en: `Test ${id}` }, evidence });

describe('writes to retracted facts (issue 20, repro 7)', () => {
  let server: TestServer;
  let keys: Awaited<ReturnType<typeof createTestKeys>>;
  let retractedRelation: string;
  const db = () => createDatabase({ driver: server.driver });
  const changeIds = async () =>
    (await db().read<{ id: string }>('MATCH (c:Change) RETURN c.id AS id ORDER BY id')).map((row) => row.id);
  const ok = (response: GraphQLResponse) => expect(response.errors).toBeUndefined();

  beforeAll(async () => {
    server = await startTestServer();
    keys = await createTestKeys(server.driver, 'retracted');
    const as = (role: 'editor' | 'admin', query: string, input: Record<string, unknown>) =>
      postGraphQL<Record<string, { id: string; relation?: { id: string } }>>(
        server.url,
        query,
        { input },
        bearer(keys[role]),
      );
    ok(await as('editor', UPSERT, organization(RETRACTED)));
    ok(await as('editor', UPSERT, organization(LIVE)));
    const relation = await as('editor', ADD_RELATION, {
      type: 'PARTNER_OF',
      fromId: LIVE,
      toId: 'region/krasnogorsk',
      evidence,
    });
    ok(relation);
    retractedRelation = relation.data!.addRelation!.relation!.id;
    ok(
      await as('editor', ADD_SOURCE, {
        id: RETRACTED_SOURCE,
        title: 'Withdrawn',
        publishedOn: '2025-01-01',
        language: 'en',
      }),
    );
    for (const id of [RETRACTED, retractedRelation, RETRACTED_SOURCE])
      ok(await as('admin', RETRACT, { id, reason: 'Retracted by the test' }));
  });
  afterAll(() => server.close());

  const cases = () => [
    {
      name: 'upsertEntity of a retracted entity',
      query: UPSERT,
      input: { ...organization(RETRACTED), aliases: ['Back again'] },
      problem: `input.id: entity "${RETRACTED}" is retracted`,
    },
    {
      name: 'addRelation from a retracted entity',
      query: ADD_RELATION,
      input: { type: 'PARTNER_OF', fromId: RETRACTED, toId: LIVE, evidence },
      problem: `input: entity "${RETRACTED}" is retracted`,
    },
    {
      name: 'addRelation to a retracted entity',
      query: ADD_RELATION,
      input: { type: 'PARTNER_OF', fromId: LIVE, toId: RETRACTED, evidence },
      problem: `input: entity "${RETRACTED}" is retracted`,
    },
    {
      name: 'addRelation of a retracted relation',
      query: ADD_RELATION,
      input: { type: 'PARTNER_OF', fromId: LIVE, toId: 'region/krasnogorsk', evidence },
      problem: `input: relation "${retractedRelation}" is retracted`,
    },
    {
      name: 'addSource of a retracted source',
      query: ADD_SOURCE,
      input: { id: RETRACTED_SOURCE, title: 'Withdrawn, again', publishedOn: '2025-01-01', language: 'en' },
      problem: `input.id: entity "${RETRACTED_SOURCE}" is retracted`,
    },
    {
      name: 'recordAgreement with a retracted party',
      query: RECORD,
      input: {
        id: 'agreement/test-retracted-party',
        names: { en: 'A' },
        evidence,
        parties: [
          { id: LIVE, excerpts: [EXCERPT] },
          { id: RETRACTED, excerpts: [EXCERPT] },
        ],
      },
      problem: `input.parties[1]: entity "${RETRACTED}" is retracted`,
    },
  ];

  it.each(cases().map((testCase) => testCase.name))(
    'refuses %s with BAD_USER_INPUT, and writes nothing, not even an audit change',
    async (name) => {
      const { query, input, problem } = cases().find((testCase) => testCase.name === name)!;
      const [before, changes] = [await readGraphDigest(db()), await changeIds()];
      const response = await postGraphQL(server.url, query, { input }, bearer(keys.editor));
      expect({ status: response.status, code: response.errors?.[0]?.extensions?.code }).toEqual({
        status: 400,
        code: 'BAD_USER_INPUT',
      });
      expect(response.errors![0]!.extensions!.problems).toEqual([expect.stringContaining(problem)]);
      expect(await readGraphDigest(db())).toEqual(before);
      expect(await changeIds()).toEqual(changes);
    },
  );

  it('still writes to the live entity, so the refusals are about retraction only', async () => {
    ok(
      await postGraphQL(
        server.url,
        ADD_RELATION,
        { input: { type: 'PARTNER_OF', fromId: LIVE, toId: 'country/kazakhstan', evidence } },
        bearer(keys.editor),
      ),
    );
  });
});

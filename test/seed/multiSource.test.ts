import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestKeys } from '../support/createTestKeys.js';
import { postGraphQL } from '../support/postGraphQL.js';
import { startIsolatedNeo4j, type IsolatedNeo4j } from '../support/startIsolatedNeo4j.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

const ARTICLE = 'source/2025-09-09-krasnogorsk-business-forum';
const RIAMO = 'source/2025-09-08-riamo-selyatino-expansion';
const HUB = 'project/selyatino-transport-logistics-hub';

interface Claim {
  id: string;
  key: string;
  value: string;
  qualifier: string | null;
  disputed: boolean;
  basis: string;
  inference: string | null;
  evidence: { excerpt: string; source: { id: string } }[];
}

const ATTRIBUTES = `query ($id: ID!) { entity(id: $id) { attributes { id key value qualifier disputed basis inference evidence { excerpt source { id } } } } }`;

describe('several sources per fact (seeds/ holds two real sources on the Selyatino hub)', () => {
  let neo4j: IsolatedNeo4j;
  let server: TestServer;
  let keys: Awaited<ReturnType<typeof createTestKeys>>;
  beforeAll(async () => {
    neo4j = await startIsolatedNeo4j();
    server = await startTestServer({ driver: neo4j.driver });
    keys = await createTestKeys(neo4j.driver, 'multi-source');
  });
  afterAll(async () => {
    await server?.close();
    await neo4j?.close();
  });

  const claims = async (id: string): Promise<Claim[]> => {
    const response = await postGraphQL<{ entity: { attributes: Claim[] } }>(server.url, ATTRIBUTES, { id });
    expect(response.errors).toBeUndefined();
    return response.data!.entity.attributes;
  };
  const sourcesOf = (claim: Claim | undefined) =>
    [...new Set(claim?.evidence.map((evidence) => evidence.source.id))].sort();

  it('gives a figure both sources state one attribute with two evidences, not a duplicate', async () => {
    const investment = (await claims(HUB)).filter((claim) => claim.key === 'investment');
    expect(investment).toHaveLength(1);
    expect(investment[0]).toMatchObject({ value: '14000000000', disputed: false, basis: 'STATED' });
    expect(sourcesOf(investment[0])).toEqual([RIAMO, ARTICLE].sort());
  });

  it('gives a relation both sources state two evidences', async () => {
    const response = await postGraphQL<{
      entity: { relations: { to: { id: string }; basis: string; evidence: { source: { id: string } }[] }[] };
    }>(
      server.url,
      `{ entity(id: "facility/tlc-selyatino") { relations(types: ["LOCATED_IN"], direction: OUTGOING) { to { id } basis evidence { source { id } } } } }`,
    );
    const [located] = response.data!.entity.relations;
    expect(located?.to.id).toBe('region/naro-fominsk-district');
    expect([...new Set(located?.evidence.map((evidence) => evidence.source.id))].sort()).toEqual(
      [RIAMO, ARTICLE].sort(),
    );
  });

  it('keeps both values of the disputed agro-export share, each with its source', async () => {
    const share = (await claims(HUB)).filter((claim) => claim.key === 'agroExportShareAfterPhase2');
    expect(share.map((claim) => [claim.value, claim.qualifier, claim.disputed, sourcesOf(claim)]).sort()).toEqual([
      ['40', 'about', true, [RIAMO]],
      ['40', 'up to', true, [ARTICLE]],
    ]);
    expect((await claims(HUB)).find((claim) => claim.key === 'area')?.disputed).toBe(false);
  });

  it('answers a date known only roughly with its bounds and reasoning, and no day', async () => {
    const response = await postGraphQL<
      Record<string, { signedOn: string | null; date: string | null; signedDate: unknown; dateAsKnown: unknown }>
    >(
      server.url,
      `{ memorandum: entity(id: "agreement/moscow-oblast-almaty-oblast-cooperation-memorandum") { ... on Agreement { signedOn signedDate { ...when } } }
         spief: entity(id: "agreement/selyatino-hub-agreement") { ... on Agreement { signedOn signedDate { ...when } } }
         forum: entity(id: "event/krasnogorsk-business-forum-2025") { ... on Event { date dateAsKnown { ...when } } } }
       fragment when on Attribute { value qualifier precision earliest latest basis inference evidence { excerpt } }`,
    );
    expect(response.errors).toBeUndefined();
    const { memorandum, spief, forum } = response.data!;
    expect(memorandum!.signedOn).toBeNull();
    expect(memorandum!.signedDate).toMatchObject({
      value: '2025-09-09',
      qualifier: 'on or before',
      precision: 'DAY',
      earliest: null,
      latest: '2025-09-09',
      basis: 'INFERRED',
      inference: expect.stringContaining('dated 2025-09-09'),
      evidence: expect.arrayContaining([{ excerpt: 'date 2025-09-09' }]),
    });
    expect(spief!.signedOn).toBeNull();
    expect(spief!.signedDate).toMatchObject({
      value: '2024',
      precision: 'YEAR',
      earliest: '2024-01-01',
      latest: '2024-12-31',
      basis: 'INFERRED',
    });
    expect(forum!.date).toBeNull();
    expect(forum!.dateAsKnown).toMatchObject({ precision: 'DAY', earliest: null, latest: '2025-09-09' });
  });

  it('keeps an editor’s correction as a new claim beside the old one, and both writes in the audit trail', async () => {
    const CORRECTION_SOURCE = 'source/test-correction-note';
    const EXCERPT = 'The hub budget is 15 billion roubles.';
    const editor = bearer(keys.editor);
    const added = await postGraphQL(
      server.url,
      `mutation ($input: AddSourceInput!) { addSource(input: $input) { change { id } } }`,
      { input: { id: CORRECTION_SOURCE, title: 'Editor correction note', publishedOn: '2025-10-01', language: 'en' } },
      editor,
    );
    expect(added.errors).toBeUndefined();
    const before = (await claims(HUB)).find((claim) => claim.key === 'investment')!;
    const corrected = await postGraphQL<{ upsertEntity: { change: { id: string; attributeIds: string[] } } }>(
      server.url,
      `mutation ($input: UpsertEntityInput!) { upsertEntity(input: $input) { change { id attributeIds } } }`,
      {
        input: {
          id: HUB,
          kind: 'PROJECT',
          names: { en: 'Selyatino transport and logistics hub' },
          evidence: { sourceId: CORRECTION_SOURCE, excerpts: [EXCERPT] },
          attributes: [{ key: 'investment', number: 15000000000, unit: 'RUB', excerpts: [EXCERPT] }],
        },
      },
      editor,
    );
    expect(corrected.errors).toBeUndefined();

    const investment = (await claims(HUB)).filter((claim) => claim.key === 'investment');
    expect(investment.map((claim) => [claim.value, claim.disputed, sourcesOf(claim)]).sort()).toEqual([
      ['14000000000', true, [RIAMO, ARTICLE].sort()],
      ['15000000000', true, [CORRECTION_SOURCE]],
    ]);
    const correction = investment.find((claim) => claim.value === '15000000000')!;
    expect(corrected.data!.upsertEntity.change.attributeIds).toContain(correction.id);

    const trail = await postGraphQL<{ changes: { edges: { node: { operation: string; attributeIds: string[] } }[] } }>(
      server.url,
      '{ changes(first: 100) { edges { node { operation attributeIds } } } }',
      {},
      editor,
    );
    const touched = (id: string) =>
      trail.data!.changes.edges.filter(({ node }) => node.attributeIds.includes(id)).map(({ node }) => node.operation);
    expect(touched(correction.id)).toEqual(['upsertEntity']);
    expect(touched(before.id)).toContain('seed');
  });
});

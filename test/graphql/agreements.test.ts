import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_AGREEMENTS, FIXTURE_EVENT_ID } from '../support/agreementFixture.js';
import { postGraphQL } from '../support/postGraphQL.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

const AGREEMENTS = /* GraphQL */ `
  query Agreements($filter: AgreementFilter, $first: Int, $after: String) {
    agreements(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          signedOn
        }
      }
    }
  }
`;

interface Page {
  agreements: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: { id: string; signedOn: string | null } }[];
  };
}

describe('Query.agreements', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  async function ids(filter: Record<string, unknown>): Promise<string[]> {
    const response = await postGraphQL<Page>(server.url, AGREEMENTS, { filter, first: 100 });
    expect(response.errors).toBeUndefined();
    return response.data!.agreements.edges.map((edge) => edge.node.id).sort();
  }

  it('finds agreements by party', async () => {
    expect(await ids({ partyId: 'organization/ktz-express' })).toEqual(['agreement/agrohub-trilateral-agreement']);
    expect(await ids({ partyId: 'region/moscow-oblast' })).toEqual([
      'agreement/moscow-oblast-almaty-oblast-cooperation-memorandum',
    ]);
  });

  it('finds agreements by the event they were signed at', async () => {
    expect(await ids({ eventId: 'event/spief-2024' })).toEqual(['agreement/selyatino-hub-agreement']);
    expect(await ids({ eventId: 'event/krasnogorsk-business-forum-2025' })).toEqual([
      'agreement/agrohub-trilateral-agreement',
      'agreement/moscow-oblast-almaty-oblast-cooperation-memorandum',
    ]);
  });

  it('finds agreements by place, through the event location and the places of their subjects', async () => {
    expect(await ids({ placeId: 'region/krasnogorsk' })).toEqual([
      'agreement/agrohub-trilateral-agreement',
      'agreement/moscow-oblast-almaty-oblast-cooperation-memorandum',
    ]);
    expect(await ids({ placeId: 'region/naro-fominsk-district' })).toEqual(['agreement/selyatino-hub-agreement']);
  });

  it('matches a roughly known signing date only when its whole interval lies in the range', async () => {
    // The agrohub agreement was signed on or before 2025-09-09 (no earliest day); the SPIEF one in 2024.
    const agrohub = { partyId: 'organization/slavtrans-service' };
    expect(await ids({ ...agrohub, signedTo: '2025-09-09' })).toEqual(['agreement/agrohub-trilateral-agreement']);
    expect(await ids({ ...agrohub, signedTo: '2025-09-08' })).toEqual([]);
    expect(await ids({ ...agrohub, signedFrom: '2025-09-09', signedTo: '2025-09-09' })).toEqual([]);
    const spief = { partyId: 'organization/ktz' };
    expect(await ids({ ...spief, signedFrom: '2024-01-01', signedTo: '2024-12-31' })).toEqual([
      'agreement/selyatino-hub-agreement',
    ]);
    expect(await ids({ ...spief, signedFrom: '2024-06-01' })).toEqual([]);
    expect(await ids({ ...spief, signedTo: '2024-06-30' })).toEqual([]);
    expect(await ids({ ...spief, signedTo: '2025-01-01' })).toEqual(['agreement/selyatino-hub-agreement']);
  });

  it('finds agreements by words of their names in any script', async () => {
    expect(await ids({ text: 'агрохаб' })).toEqual(['agreement/agrohub-trilateral-agreement']);
    expect(await ids({ text: 'Selyatino' })).toEqual(['agreement/selyatino-hub-agreement']);
  });

  it('finds nothing for a signatory nobody is recorded as', async () => {
    expect(await ids({ signatoryId: 'person/andrey-vorobyov' })).toEqual([]);
  });

  it('orders by the last day each can have been signed, newest first, and undated last', async () => {
    const response = await postGraphQL<{
      agreements: { edges: { node: { signedDate: { latest: string | null } | null } }[] };
    }>(
      server.url,
      '{ agreements(filter: {text: "agreement"}, first: 100) { edges { node { signedDate { latest } } } } }',
    );
    const dates = response.data!.agreements.edges.map((edge) => edge.node.signedDate?.latest ?? null);
    const dated = dates.filter((date): date is string => date !== null);
    expect(dated).toEqual([...dated].sort().reverse());
    expect(dates.slice(dated.length).every((date) => date === null)).toBe(true);
  });

  it('walks every page with after and returns each agreement once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let totalCount = 0;
    for (let page = 0; page < 50; page += 1) {
      const response: Awaited<ReturnType<typeof postGraphQL<Page>>> = await postGraphQL<Page>(server.url, AGREEMENTS, {
        first: 7,
        after,
      });
      const { edges, pageInfo } = response.data!.agreements;
      totalCount = response.data!.agreements.totalCount;
      seen.push(...edges.map((edge) => edge.node.id));
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(totalCount).toBeGreaterThanOrEqual(FIXTURE_AGREEMENTS + 3);
    expect(seen).toHaveLength(totalCount);
    expect(new Set(seen).size).toBe(totalCount);
  });

  it('pages all agreements by the last day their most precise signedOn attribute allows, newest first, undated last by id', async () => {
    // The expected order from the attributes themselves, not from the `signedOn` property the page query reads.
    const { records } = await server.driver.executeQuery(
      `MATCH (n:Agreement) WHERE n.retractedAt IS NULL
       WITH n, coalesce(COLLECT { MATCH (x:Attribute {entityId: n.id, key: 'signedOn'}) WHERE x.retractedAt IS NULL
                                  RETURN coalesce(x.latest, x.value) AS latest
                                  ORDER BY CASE WHEN x.precision IS NULL THEN 0 WHEN x.earliest IS NULL OR x.latest IS NULL THEN null
                                                ELSE duration.inDays(date(x.earliest), date(x.latest)).days END, x.id LIMIT 1 }[0], '') AS sortKey
       RETURN n.id AS id, sortKey ORDER BY sortKey DESC, n.id`,
    );
    const expected = records.map((record) => record.get('id') as string);
    for (const first of [3, 100]) {
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 100; page += 1) {
        const response: Awaited<ReturnType<typeof postGraphQL<Page>>> = await postGraphQL<Page>(
          server.url,
          AGREEMENTS,
          { first, after },
        );
        expect(response.errors).toBeUndefined();
        seen.push(...response.data!.agreements.edges.map((edge) => edge.node.id));
        if (!response.data!.agreements.pageInfo.hasNextPage) break;
        after = response.data!.agreements.pageInfo.endCursor;
      }
      expect(seen).toEqual(expected);
    }
  });

  it('counts all matches while returning one page', async () => {
    const response = await postGraphQL<Page>(server.url, AGREEMENTS, {
      filter: { eventId: FIXTURE_EVENT_ID },
      first: 5,
    });
    expect(response.data!.agreements.totalCount).toBe(FIXTURE_AGREEMENTS);
    expect(response.data!.agreements.edges).toHaveLength(5);
    expect(response.data!.agreements.pageInfo).toEqual({
      hasNextPage: true,
      endCursor: response.data!.agreements.edges[4]!.cursor,
    });
  });

  it.each([
    [{ first: 101 }, 'Argument "first": expected an integer from 0 to 100, got 101.'],
    [{ first: -1 }, 'Argument "first": expected an integer from 0 to 100, got -1.'],
    [
      { after: 'not-a-cursor' },
      'Argument "after": expected a cursor returned as endCursor or edges.cursor by a previous page, got "not-a-cursor".',
    ],
  ])('refuses %j with BAD_USER_INPUT naming the argument', async (variables, message) => {
    const response = await postGraphQL(server.url, AGREEMENTS, variables);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('refuses a malformed date with BAD_USER_INPUT', async () => {
    const response = await postGraphQL(server.url, AGREEMENTS, { filter: { signedFrom: '2025-13-45' } });
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(
      /signedFrom.*Expected an ISO-8601 calendar date such as 2025-09-09, got "2025-13-45"/,
    );
  });
});

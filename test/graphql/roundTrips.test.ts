import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL } from '../support/postGraphQL.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';
import { citedSourcesQuery, EVIDENCE_OWNERS, NESTED } from './roundTripOperations.js';

describe('batching of nested selections', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  async function roundTrips(
    first: number,
  ): Promise<{ roundTrips: number; agreements: number; countries: Set<string> }> {
    const response = await postGraphQL<{
      agreements: { edges: { node: { parties: { party: { basedIn: { country: { id: string } | null }[] } }[] } }[] };
    }>(server.url, NESTED, { first });
    expect(response.errors).toBeUndefined();
    const edges = response.data!.agreements.edges;
    const countries = new Set(
      edges.flatMap((edge) =>
        edge.node.parties.flatMap((party) => party.party.basedIn.map((region) => region.country?.id ?? 'none')),
      ),
    );
    return { roundTrips: response.extensions!.queryStats!.roundTrips, agreements: edges.length, countries };
  }

  it('costs the same bounded number of Cypher round trips for 5 and for 50 agreements → parties → regions → country', async () => {
    const small = await roundTrips(5);
    const large = await roundTrips(50);
    expect(large.agreements).toBe(50);
    expect(large.countries).toEqual(new Set(['country/fixture-land']));
    expect(large.roundTrips).toBe(small.roundTrips);
    // The page query reads ahead parties, signedAt, evidence with sources, basedIn and countries (planIncludes).
    // A regression raises this.
    expect(large.roundTrips).toBe(1);
  });

  it.each(EVIDENCE_OWNERS)(
    'reads the sources that %s evidence cites, by title, in the same one round trip',
    async (of) => {
      const response = await postGraphQL<{
        agreements: { edges: { node: { evidence?: Cited[]; parties?: { evidence: Cited[] }[] } }[] };
      }>(server.url, citedSourcesQuery(of));
      expect(response.errors).toBeUndefined();
      const cited = response.data!.agreements.edges.flatMap(({ node }) => [
        ...(node.evidence ?? []),
        ...(node.parties ?? []).flatMap((party) => party.evidence),
      ]);
      expect(cited.length).toBeGreaterThan(0);
      expect(new Set(cited.map((evidence) => `${evidence.source.id} ${evidence.source.title}`))).toEqual(
        new Set(['source/test-fixture Test fixture']),
      );
      expect(response.extensions!.queryStats!.roundTrips).toBe(1);
    },
  );
});

type Cited = { source: { id: string; title: string } };

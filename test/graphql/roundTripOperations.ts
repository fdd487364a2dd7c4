import { FIXTURE_EVENT_ID } from '../support/agreementFixture.js';

/** Agreements → parties → regions → country, with evidence, paged by `$first`: read ahead in one round trip. */
export const NESTED = /* GraphQL */ `
  query Nested($first: Int) {
    agreements(filter: { eventId: "${FIXTURE_EVENT_ID}" }, first: $first) {
      edges {
        node {
          id
          signedOn
          signedAt { id name }
          parties {
            role
            evidence { excerpt source { id } }
            party { id name ... on Organization { basedIn { id ... on Region { country { id name } } } } }
          }
        }
      }
    }
  }
`;

/** Selections of an agreement whose evidence cites sources, by whose evidence it is. */
const CITED_SOURCES = {
  relation: '{ parties { evidence { source { id title } } } }',
  entity: '{ evidence { source { id title } } }',
} as const;

/** Whose evidence a cited-sources query reads: the parties' (relations') or the agreement's own. */
export type EvidenceOwner = keyof typeof CITED_SOURCES;
export const EVIDENCE_OWNERS = Object.keys(CITED_SOURCES) as EvidenceOwner[];

/** The first five agreements of the fixture event with the sources their `of` evidence cites. */
export function citedSourcesQuery(of: EvidenceOwner): string {
  return `{ agreements(filter: { eventId: "${FIXTURE_EVENT_ID}" }, first: 5) { edges { node ${CITED_SOURCES[of]} } } }`;
}

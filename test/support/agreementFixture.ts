import type { SourceDocumentInput } from '../../src/seed/sourceDocument.js';

/** The event every fixture agreement was signed at; filter on it to see only fixture agreements. */
export const FIXTURE_EVENT_ID = 'event/fixture-summit';
export const FIXTURE_AGREEMENTS = 60;

const TEXT = 'Fixture text for tests.';

/**
 * A synthetic source with FIXTURE_AGREEMENTS agreements (3 parties each, dated one day apart) among 12
 * organizations based in 4 regions of one country, so that nested selections have something to batch.
 */
export function agreementFixture(): SourceDocumentInput {
  const organizations = Array.from({ length: 12 }, (_, index) => ({
    id: `organization/fixture-org-${index}`,
    kind: 'ORGANIZATION' as const,
    names: { en: `Fixture Organization ${index}` },
    evidence: TEXT,
  }));
  const regions = Array.from({ length: 4 }, (_, index) => ({
    id: `region/fixture-region-${index}`,
    kind: 'REGION' as const,
    names: { en: `Fixture Region ${index}` },
    evidence: TEXT,
  }));
  const agreements = Array.from({ length: FIXTURE_AGREEMENTS }, (_, index) => ({
    id: `agreement/fixture-agreement-${String(index).padStart(3, '0')}`,
    kind: 'AGREEMENT' as const,
    names: { en: `Fixture Agreement ${index}` },
    evidence: TEXT,
    attributes: [
      {
        key: 'signedOn',
        value: new Date(Date.UTC(2020, 0, 1 + index)).toISOString().slice(0, 10),
        evidence: TEXT,
        basis: 'STATED' as const,
      },
    ],
  }));
  return {
    source: { id: 'source/test-fixture', title: 'Test fixture', publishedOn: '2020-01-01', language: 'en' },
    entities: [
      { id: 'country/fixture-land', kind: 'COUNTRY', names: { en: 'Fixture Land' }, evidence: TEXT },
      { id: FIXTURE_EVENT_ID, kind: 'EVENT', names: { en: 'Fixture Summit' }, evidence: TEXT },
      ...regions,
      ...organizations,
      ...agreements,
    ],
    relations: [
      ...regions.map((region) => ({
        type: 'PART_OF',
        from: region.id,
        to: 'country/fixture-land',
        evidence: TEXT,
        basis: 'STATED' as const,
      })),
      ...organizations.map((organization, index) => ({
        type: 'BASED_IN',
        from: organization.id,
        to: regions[index % 4]!.id,
        evidence: TEXT,
        basis: 'STATED' as const,
      })),
      ...agreements.flatMap((agreement, index) => [
        { type: 'SIGNED_AT', from: agreement.id, to: FIXTURE_EVENT_ID, evidence: TEXT, basis: 'STATED' as const },
        ...[0, 1, 2].map((offset) => ({
          type: 'PARTY_TO',
          from: organizations[(index + offset * 5) % 12]!.id,
          to: agreement.id,
          role: 'party',
          evidence: TEXT,
          basis: 'STATED' as const,
        })),
      ]),
    ],
  };
}

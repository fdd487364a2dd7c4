import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSourceDocuments } from '../../src/seed/readSourceDocuments.js';
import type { EntityDeclaration, RelationDeclaration, SourceDocument } from '../../src/seed/sourceDocument.js';

const SOURCE = 'source/2025-09-09-krasnogorsk-business-forum';
const FORUM = 'event/krasnogorsk-business-forum-2025';
const MEMORANDUM = 'agreement/moscow-oblast-almaty-oblast-cooperation-memorandum';
const SELYATINO_AGREEMENT = 'agreement/selyatino-hub-agreement';
const AGROHUB_AGREEMENT = 'agreement/agrohub-trilateral-agreement';
const SELYATINO_HUB = 'project/selyatino-transport-logistics-hub';
const AGROHUB = 'project/almaty-oblast-agrohub';
const BORDER_REGIONS = 'region/kazakhstan-russia-border-regions';
const AMBASSADOR = 'Ambassador Extraordinary and Plenipotentiary of Kazakhstan to Russia';

let document: SourceDocument;

beforeAll(async () => {
  const files = await readSourceDocuments(path.resolve('seeds'));
  const file = files.find((candidate) => candidate.document.source.id === SOURCE);
  if (file === undefined) throw new Error(`no seed file declares ${SOURCE}`);
  document = file.document;
});

function entity(id: string): EntityDeclaration {
  const found = document.entities.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no entity ${id}`);
  return found;
}

function relations(filter: Partial<Pick<RelationDeclaration, 'type' | 'from' | 'to'>>): RelationDeclaration[] {
  return document.relations.filter(
    (relation) =>
      (filter.type === undefined || relation.type === filter.type) &&
      (filter.from === undefined || relation.from === filter.from) &&
      (filter.to === undefined || relation.to === filter.to),
  );
}

/** The attribute `key` of entity `id` without its evidence, or undefined. */
function figure(id: string, key: string) {
  const attribute = entity(id).attributes.find((candidate) => candidate.key === key);
  if (attribute === undefined) return undefined;
  const { evidence: _evidence, ...rest } = attribute;
  return rest;
}

describe('the Krasnogorsk business forum article', () => {
  it('declares its source as the Russian text of 2025-09-09', () => {
    expect(document.source).toMatchObject({ publishedOn: '2025-09-09', language: 'ru' });
    expect(document.source.contentSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  describe('agreements', () => {
    it.each([
      [MEMORANDUM, ['region/almaty-oblast', 'region/moscow-oblast']],
      [
        SELYATINO_AGREEMENT,
        ['organization/government-of-moscow-oblast', 'organization/ktz', 'organization/samruk-kazyna'],
      ],
      [AGROHUB_AGREEMENT, ['organization/ktz-express', 'organization/slavtrans-service', 'organization/tlc-alatau']],
    ])('names exactly the parties of %s', (agreement, parties) => {
      expect(
        relations({ type: 'PARTY_TO', to: agreement })
          .map((relation) => relation.from)
          .sort(),
      ).toEqual(parties);
    });

    it.each([
      [MEMORANDUM, FORUM],
      [SELYATINO_AGREEMENT, 'event/spief-2024'],
      [AGROHUB_AGREEMENT, FORUM],
    ])('places the signing of %s at %s', (agreement, event) => {
      expect(relations({ type: 'SIGNED_AT', from: agreement }).map((relation) => relation.to)).toEqual([event]);
    });

    it('bounds the forum signings by the dateline instead of stating the day, and dates the SPIEF-2024 one to its year', () => {
      for (const agreement of [MEMORANDUM, AGROHUB_AGREEMENT]) {
        expect(figure(agreement, 'signedOn'), agreement).toMatchObject({
          value: '2025-09-09',
          qualifier: 'on or before',
          basis: 'INFERRED',
        });
      }
      expect(figure(SELYATINO_AGREEMENT, 'signedOn')).toMatchObject({ value: '2024', basis: 'INFERRED' });
      expect(figure('event/spief-2024', 'date')).toMatchObject({ value: '2024', basis: 'INFERRED' });
      expect(figure(FORUM, 'date')).toMatchObject({
        value: '2025-09-09',
        qualifier: 'on or before',
        basis: 'INFERRED',
      });
      expect(figure('event/spief-2024', 'year')).toBeUndefined();
    });

    it('types each agreement', () => {
      expect(figure(MEMORANDUM, 'agreementType')?.value).toBe('memorandum');
      expect(figure(SELYATINO_AGREEMENT, 'agreementType')?.value).toBe('agreement');
      expect(figure(AGROHUB_AGREEMENT, 'agreementType')?.value).toBe('trilateral agreement');
    });

    it('ties each agreement to the project it concerns', () => {
      expect(relations({ type: 'CONCERNS', from: SELYATINO_AGREEMENT }).map((relation) => relation.to)).toEqual([
        SELYATINO_HUB,
      ]);
      expect(relations({ type: 'CONCERNS', from: AGROHUB_AGREEMENT }).map((relation) => relation.to)).toEqual([
        AGROHUB,
      ]);
    });

    it('records no signatory, as the article names none', () => {
      expect(relations({ type: 'SIGNATORY_OF' })).toEqual([]);
    });
  });

  describe('officials', () => {
    it.each([
      ['person/andrey-vorobyov', 'region/moscow-oblast', 'Governor of Moscow Oblast'],
      ['person/marat-sultangaziev', 'region/almaty-oblast', 'Akim of Almaty Oblast'],
      ['person/dauren-abaev', 'country/kazakhstan', AMBASSADOR],
    ])('gives %s one office, at %s, as %s', (person, to, role) => {
      expect(relations({ type: 'HOLDS_OFFICE', from: person }).map((relation) => [relation.to, relation.role])).toEqual(
        [[to, role]],
      );
    });

    it('accredits the ambassador to Russia under the same office title', () => {
      expect(
        relations({ type: 'ACCREDITED_TO', from: 'person/dauren-abaev' }).map((relation) => [
          relation.to,
          relation.role,
        ]),
      ).toEqual([['country/russia', AMBASSADOR]]);
    });

    it('attributes each of the four statements to its speaker', () => {
      expect(
        relations({ type: 'SPOKE' })
          .map((relation) => `${relation.from} ${relation.to}`)
          .sort(),
      ).toEqual([
        'person/andrey-vorobyov statement/vorobyov-on-business-expansion',
        'person/andrey-vorobyov statement/vorobyov-on-humanitarian-expansion',
        'person/dauren-abaev statement/abaev-on-border-regions',
        'person/marat-sultangaziev statement/sultangaziev-on-first-regional-meeting',
      ]);
      expect(figure('statement/vorobyov-on-humanitarian-expansion', 'indirect')?.value).toBe(true);
    });
  });

  describe('figures', () => {
    it.each([
      [SELYATINO_HUB, 'area', { value: 65000, unit: 'm²' }],
      [SELYATINO_HUB, 'jobsCreated', { value: 1500, unit: 'jobs' }],
      [SELYATINO_HUB, 'investment', { value: 14000000000, unit: 'RUB' }],
      [SELYATINO_HUB, 'completionBy', { value: '2026-04', qualifier: 'by', basis: 'INFERRED' }],
      [SELYATINO_HUB, 'agroExportShareAfterPhase2', { value: 40, unit: '%', qualifier: 'up to' }],
      [SELYATINO_HUB, 'agroExportShareMultiplierWithChina', { value: 3, unit: '×', qualifier: 'up to' }],
      [AGROHUB, 'area', { value: 75, unit: 'ha' }],
      [FORUM, 'openingParticipants', { value: 100, qualifier: 'more than', basis: 'STATED' }],
      ['country/kazakhstan', 'borderRegionsWithRussia', { value: 7, basis: 'INFERRED' }],
      ['country/russia', 'borderRegionsWithKazakhstan', { value: 12, basis: 'INFERRED' }],
      [BORDER_REGIONS, 'population', { value: 30000000, unit: 'people', qualifier: 'about', basis: 'STATED' }],
    ])('gives %s the %s stated in the article', (id, key, expected) => {
      expect(figure(id, key)).toMatchObject({ key, ...expected });
    });

    it('lists the components of the agrohub', () => {
      const keys = entity(AGROHUB)
        .attributes.filter((attribute) => attribute.value === true)
        .map((attribute) => attribute.key);
      expect(keys).toEqual([
        'hasContainerTerminal',
        'hasCustomsTerminal',
        'hasWarehouses',
        'hasLargeWholesaleRetailCenter',
      ]);
    });

    it('keeps the legal forms as data', () => {
      expect(
        Object.fromEntries(
          ['samruk-kazyna', 'ktz', 'ktz-express', 'slavtrans-service', 'tlc-alatau'].map((slug) => [
            slug,
            figure(`organization/${slug}`, 'legalForm')?.value,
          ]),
        ),
      ).toEqual({
        'samruk-kazyna': 'JSC',
        ktz: 'JSC',
        'ktz-express': 'JSC',
        'slavtrans-service': 'JSC',
        'tlc-alatau': 'LLP',
      });
    });
  });

  describe('the re-audit (issue 16)', () => {
    it('keeps the population of the border regions of both sides on the group, not on either country', () => {
      expect(figure('country/kazakhstan', 'borderRegionsPopulation')).toBeUndefined();
      expect(figure('country/russia', 'borderRegionsPopulation')).toBeUndefined();
      expect(
        relations({ type: 'PART_OF', from: BORDER_REGIONS })
          .map((relation) => relation.to)
          .sort(),
      ).toEqual(['country/kazakhstan', 'country/russia']);
    });

    it('no longer calls the opening participants the forum participants', () => {
      expect(figure(FORUM, 'participants')).toBeUndefined();
    });

    it('marks where each quotation was said as inferred, and cites no sentence about something else', () => {
      const placed = relations({ type: 'STATED_AT' });
      expect(placed).toHaveLength(4);
      for (const relation of placed)
        expect(relation, relation.from).toMatchObject({ basis: 'INFERRED', inference: expect.any(String) });
      const humanitarian = relations({ type: 'STATED_AT', from: 'statement/vorobyov-on-humanitarian-expansion' })[0]!;
      expect(humanitarian.evidence).not.toContain('На форуме между регионами');
    });

    it('spells Dauren Abaev in Kazakh as Kazakh-language media do', () => {
      expect(entity('person/dauren-abaev').names.kk).toBe('Дәурен Абаев');
      expect(entity('person/marat-sultangaziev').names.kk).toBe('Марат Сұлтанғазиев');
      expect(entity('region/almaty-oblast').names.kk).toBe('Алматы облысы');
      expect(entity('organization/samruk-kazyna').names.kk).toBe('Самұрық-Қазына');
    });

    it('adds China, which the tripled export figure counts', () => {
      expect(entity('country/china').names).toEqual({ en: 'China', ru: 'Китай', kk: 'Қытай' });
      expect(relations({ type: 'DEPENDS_ON', from: SELYATINO_HUB }).map((relation) => relation.to)).toEqual([
        'country/china',
      ]);
    });

    it('no longer says the dateline is the date of the forum', () => {
      expect(document.source.note).not.toMatch(/also the date of the forum/);
      expect(document.source.note).toMatch(/bounds their dates/);
    });
  });

  describe('integrity', () => {
    it('gives every attribute and relation a basis, and every inferred one its reasoning', () => {
      const facts = [...document.entities.flatMap((declaration) => declaration.attributes), ...document.relations];
      for (const fact of facts) {
        expect(['STATED', 'INFERRED']).toContain(fact.basis);
        expect(fact.inference === undefined, JSON.stringify(fact)).toBe(fact.basis === 'STATED');
      }
    });

    it('states no date more precisely than its evidence: a date from the dateline alone is a bound, not a day', () => {
      const dated = document.entities.flatMap((declaration) =>
        declaration.attributes.filter(
          (attribute) => typeof attribute.value === 'string' && /^\d{4}(-\d{2}){0,2}$/.test(attribute.value),
        ),
      );
      expect(dated.length).toBeGreaterThan(0);
      for (const attribute of dated) {
        const fromDateline = attribute.evidence.includes(`date ${document.source.publishedOn}`);
        const value = String(attribute.value);
        const spelledOut = attribute.evidence.some(
          (excerpt) => excerpt !== `date ${document.source.publishedOn}` && excerpt.includes(value),
        );
        if (value.length === 10 && !spelledOut)
          expect(attribute.qualifier, `${attribute.key} ${value}`).toBe('on or before');
        if (fromDateline || !spelledOut) expect(attribute.basis, `${attribute.key} ${value}`).toBe('INFERRED');
      }
    });

    it('gives every entity, attribute and relation at least one excerpt', () => {
      for (const { id, evidence, attributes } of document.entities) {
        expect(evidence.length, id).toBeGreaterThan(0);
        for (const attribute of attributes)
          expect(attribute.evidence.length, `${id} ${attribute.key}`).toBeGreaterThan(0);
      }
      for (const relation of document.relations) expect(relation.evidence.length).toBeGreaterThan(0);
    });

    it('declares both ends of every relation in the file', () => {
      const declared = new Set(document.entities.map((declaration) => declaration.id));
      const undeclared = document.relations
        .flatMap((relation) => [relation.from, relation.to])
        .filter((id) => !declared.has(id));
      expect(undeclared).toEqual([]);
    });

    it('states every relation only once', () => {
      const keys = document.relations.map((relation) => `${relation.type} ${relation.from} ${relation.to}`);
      expect(new Set(keys).size).toBe(keys.length);
    });
  });
});

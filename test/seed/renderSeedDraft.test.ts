import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { FactProposalModel } from '../../src/models/FactProposalModel.js';
import type { MentionModel } from '../../src/models/MentionModel.js';
import { findMissingExcerpts } from '../../src/seed/findMissingExcerpts.js';
import { planGraphWrite } from '../../src/seed/planGraphWrite.js';
import { parseSourceDocument } from '../../src/seed/readSourceDocuments.js';
import { renderSeedDraft } from '../../src/seed/renderSeedDraft.js';
import { SeedValidationError } from '../../src/seed/SeedValidationError.js';

const FILE = 'seeds/test-draft.yaml';
const SOURCE_ID = 'source/test-render-draft';
const ORGANIZATION = 'ТОО «Жетісу Агро Транзит»';
const TEXT = `Генеральный директор ${ORGANIZATION} Нурлан Сейткалиев посетил Алматинскую область.\n${ORGANIZATION} создаст 120 рабочих мест: «это #1 проект: да».`;
const [FIRST_SENTENCE, SECOND_SENTENCE] = TEXT.split('\n') as [string, string];

/** A mention of the `occurrence`-th `text` in TEXT, at its real offsets. */
function mention(text: string, fields: Partial<MentionModel>, occurrence = 0): MentionModel {
  let start = -1;
  for (let i = 0; i <= occurrence; i += 1) start = TEXT.indexOf(text, start + 1);
  return {
    start,
    end: start + text.length,
    text,
    entityId: null,
    proposedKind: null,
    proposedName: null,
    confidence: 0.9,
    ...fields,
  };
}
const span = (text: string) => ({ start: TEXT.indexOf(text), end: TEXT.indexOf(text) + text.length, text });

const organization = mention(ORGANIZATION, {
  proposedKind: 'ORGANIZATION',
  proposedName: ORGANIZATION,
  confidence: 0.85,
});
const person = mention('Нурлан Сейткалиев', {
  proposedKind: 'PERSON',
  proposedName: 'Нурлан Сейткалиев',
  confidence: 0.95,
});
const region = mention('Алматинскую область', { entityId: 'region/almaty-oblast', confidence: 0.95 });
const organizationAgain = mention(
  ORGANIZATION,
  { proposedKind: 'ORGANIZATION', proposedName: ORGANIZATION, confidence: 0.85 },
  1,
);
const proposals: FactProposalModel[] = [
  {
    type: 'HOLDS_OFFICE',
    from: person,
    to: organization,
    role: `генеральный директор ${ORGANIZATION}`,
    value: null,
    unit: null,
    excerpt: span(FIRST_SENTENCE),
    confidence: 0.8,
  },
  {
    type: 'ATTRIBUTE',
    from: organizationAgain,
    to: null,
    role: null,
    value: 120,
    unit: 'jobs',
    excerpt: span(SECOND_SENTENCE),
    confidence: 0.6,
  },
];

const draft = () =>
  renderSeedDraft({
    text: TEXT,
    textFile: 'article.txt',
    source: { id: SOURCE_ID, title: 'Тест «черновика»', publishedOn: '2025-10-01', language: 'ru' },
    mentions: [organization, person, region, organizationAgain],
    proposals,
    known: new Map([
      [
        'region/almaty-oblast',
        {
          id: 'region/almaty-oblast',
          kind: 'REGION',
          names: { en: 'Almaty Oblast', ru: 'Алма-Атинская область', kk: 'Алматы облысы' },
        },
      ],
    ]),
    taken: new Set(['person/nurlan-seytkaliev']),
  });

const parsed = (yaml: string) => {
  const result = parseSourceDocument(yaml, FILE);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.document;
};

describe('renderSeedDraft', () => {
  it('writes a seed document whose excerpts are spans of the text, with «» and Kazakh letters intact', () => {
    const document = parsed(draft());
    expect(document.source).toEqual({
      id: SOURCE_ID,
      title: 'Тест «черновика»',
      publishedOn: '2025-10-01',
      language: 'ru',
      contentSha256: createHash('sha256').update(TEXT).digest('hex'),
    });
    expect(findMissingExcerpts([{ file: FILE, document }], SOURCE_ID, TEXT)).toEqual([]);
    expect(
      document.entities.map((entity) => [entity.id, entity.review, entity.kind, entity.names, entity.evidence]),
    ).toEqual([
      ['organization/too-zhetisu-agro-tranzit', 'proposed', 'ORGANIZATION', { ru: ORGANIZATION }, [ORGANIZATION]],
      // The graph holds person/nurlan-seytkaliev: the proposal takes the next free id.
      ['person/nurlan-seytkaliev-2', 'proposed', 'PERSON', { ru: 'Нурлан Сейткалиев' }, ['Нурлан Сейткалиев']],
      [
        'region/almaty-oblast',
        'linked',
        'REGION',
        { en: 'Almaty Oblast', ru: 'Алма-Атинская область', kk: 'Алматы облысы' },
        ['Алматинскую область'],
      ],
    ]);
    expect(document.entities[0]!.attributes).toEqual([
      {
        key: 'jobsCreated',
        review: 'proposed',
        value: 120,
        unit: 'jobs',
        basis: 'STATED',
        evidence: [SECOND_SENTENCE],
      },
    ]);
    expect(document.relations).toEqual([
      {
        type: 'HOLDS_OFFICE',
        review: 'proposed',
        from: 'person/nurlan-seytkaliev-2',
        to: 'organization/too-zhetisu-agro-tranzit',
        role: `генеральный директор ${ORGANIZATION}`,
        basis: 'STATED',
        evidence: [FIRST_SENTENCE],
      },
    ]);
  });

  it('says above each entry what was found where, and how sure the analysis is', () => {
    const lines = draft().split('\n');
    expect(lines).toContain(
      `  # proposed person «Нурлан Сейткалиев» from «Нурлан Сейткалиев» at ${person.start}–${person.end} (confidence 0.95); the graph has person/nurlan-seytkaliev: if it is the same, use that id`,
    );
    expect(lines).toContain(
      `  # linked: «Алматинскую область» at ${region.start}–${region.end} is region/almaty-oblast (confidence 0.95)`,
    );
    expect(lines).toContain(
      `      # proposed: 120 jobs of «${ORGANIZATION}» (confidence 0.6); the key is read from the unit`,
    );
  });

  it('is refused by the loader, naming each entry that awaits review', () => {
    const document = parsed(draft());
    const error = (() => {
      try {
        planGraphWrite([{ file: FILE, document }]);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(SeedValidationError);
    const accept = 'accept it by deleting its "review" line, or remove the entry';
    expect((error as SeedValidationError).problems).toEqual([
      `${FILE}: entities[0] (organization/too-zhetisu-agro-tranzit «${ORGANIZATION}») awaits review (proposed): ${accept}`,
      `${FILE}: entities[0] (organization/too-zhetisu-agro-tranzit «${ORGANIZATION}»).attributes[0] (jobsCreated) awaits review (proposed): ${accept}`,
      `${FILE}: entities[1] (person/nurlan-seytkaliev-2 «Нурлан Сейткалиев») awaits review (proposed): ${accept}`,
      `${FILE}: entities[2] (region/almaty-oblast «Алма-Атинская область») awaits review (linked): ${accept}`,
      `${FILE}: relations[0] (HOLDS_OFFICE person/nurlan-seytkaliev-2 → organization/too-zhetisu-agro-tranzit) awaits review (proposed): ${accept}`,
    ]);
  });

  it('loads once every "review" line is deleted', () => {
    const accepted = draft().replace(/^ *review: \w+\n/gm, '');
    expect(accepted).not.toContain('review:');
    const plan = planGraphWrite([{ file: FILE, document: parsed(accepted) }]);
    expect(plan.relations.map((relation) => [relation.type, relation.from, relation.to])).toEqual([
      ['HOLDS_OFFICE', 'person/nurlan-seytkaliev-2', 'organization/too-zhetisu-agro-tranzit'],
    ]);
    expect(plan.attributes.map((attribute) => [attribute.entityId, attribute.key, attribute.number])).toEqual([
      ['organization/too-zhetisu-agro-tranzit', 'jobsCreated', 120],
    ]);
    expect(plan.excerpts.map((excerpt) => excerpt.text)).toContain(SECOND_SENTENCE);
  });
});

import { describe, expect, it } from 'vitest';
import { coopgraphIdOfFtmId, ftmId } from '../../src/ftm/ftmId.js';
import { ftmToSourceDocument } from '../../src/ftm/ftmToSourceDocument.js';
import { parseFtmLines } from '../../src/ftm/parseFtmLines.js';
import { sourceDocumentSchema } from '../../src/seed/sourceDocument.js';

const SOURCE = { id: 'source/ftm-sample', title: 'Sample', publishedOn: '2026-01-15', language: 'en' };

/** An OpenSanctions-like file: foreign ids, a schema we do not read, a link to it, and a Directorship. */
const FILE = [
  { id: 'Q7747', schema: 'Person', properties: { name: ['Vladimir Putin', 'Владимир Путин'], alias: ['V. Putin'] } },
  {
    id: 'ru-govt',
    schema: 'PublicBody',
    properties: { name: ['Правительство России'], summary: ['the government of Russia, as the file says'] },
  },
  { id: 'addr-1', schema: 'Address', properties: { full: ['Moscow'] } },
  {
    id: 'd-1',
    schema: 'Directorship',
    properties: { director: ['Q7747'], organization: ['ru-govt'], role: ['Chairman'] },
  },
  { id: 'l-1', schema: 'UnknownLink', properties: { subject: ['Q7747'], object: ['addr-1'] } },
  {
    id: 'coopgraph-organization-ktz',
    schema: 'Company',
    properties: { name: ['Қазақстан темір жолы'], legalForm: ['АО'] },
  },
]
  .map((entity) => JSON.stringify(entity))
  .join('\n');

describe('ftmToSourceDocument', () => {
  const { document, skipped } = ftmToSourceDocument(parseFtmLines(FILE), SOURCE);
  const parsed = sourceDocumentSchema.parse(document);

  it('maps foreign ids under ftm-, and ids our export wrote back to ours', () => {
    expect(parsed.entities.map((entity) => [entity.id, entity.kind])).toEqual([
      ['person/ftm-q7747-' + parsed.entities[0]!.id.slice(-12), 'PERSON'],
      ['organization/ftm-ru-govt', 'ORGANIZATION'],
      ['organization/ktz', 'ORGANIZATION'],
    ]);
    expect(coopgraphIdOfFtmId(ftmId('region/almaty-oblast'))).toBe('region/almaty-oblast');
    expect(coopgraphIdOfFtmId('coopgraph-planet-mars')).toBeNull();
  });

  it('names by script and keeps the rest as aliases; evidence is the summary, else a name', () => {
    expect(parsed.entities[0]).toMatchObject({
      names: { en: 'Vladimir Putin', ru: 'Владимир Путин' },
      aliases: ['V. Putin'],
      evidence: ['Vladimir Putin'],
    });
    expect(parsed.entities[1]).toMatchObject({
      names: { ru: 'Правительство России' },
      evidence: ['the government of Russia, as the file says'],
    });
    // A legal form too short to quote is evidenced by the entity's own evidence.
    expect(parsed.entities[2]).toMatchObject({
      names: { kk: 'Қазақстан темір жолы' },
      attributes: [{ key: 'legalForm', value: 'АО', evidence: ['Қазақстан темір жолы'] }],
    });
  });

  it('reads a Directorship as HOLDS_OFFICE with its role as evidence, and says what it left out', () => {
    expect(parsed.relations).toEqual([
      {
        type: 'HOLDS_OFFICE',
        basis: 'STATED',
        from: parsed.entities[0]!.id,
        to: 'organization/ftm-ru-govt',
        role: 'Chairman',
        evidence: ['Chairman'],
      },
    ]);
    expect(skipped).toEqual({ Address: 1, 'UnknownLink (an end not imported)': 1 });
  });

  it('keeps names already stored, the file’s own becoming aliases', () => {
    const stored = new Map([
      ['organization/ktz', { en: 'Kazakhstan Temir Zholy', ru: 'Қазақстан темір жолы', kk: null }],
    ]);
    const ktz = ftmToSourceDocument(parseFtmLines(FILE), SOURCE, stored).document.entities!.find(
      (entity) => entity.id === 'organization/ktz',
    );
    expect(ktz).toMatchObject({ names: { en: 'Kazakhstan Temir Zholy', ru: 'Қазақстан темір жолы' }, aliases: [] });
  });
});

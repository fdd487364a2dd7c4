import { describe, expect, it } from 'vitest';
import { collectExcerpts } from '../../src/seed/findMissingExcerpts.js';
import { sourceDocumentSchema } from '../../src/seed/sourceDocument.js';

describe('collectExcerpts', () => {
  it('collects entity, statement text, attribute and relation excerpts of one source only', () => {
    const document = (sourceId: string) =>
      sourceDocumentSchema.parse({
        source: { id: sourceId, title: 'Test', publishedOn: '2025-09-09', language: 'ru' },
        entities: [
          {
            id: 'statement/s',
            kind: 'STATEMENT',
            names: { en: 'S' },
            text: 'quoted text',
            evidence: ['one', 'two'],
            attributes: [{ key: 'indirect', value: true, evidence: 'three', basis: 'STATED' }],
          },
          { id: 'person/p', kind: 'PERSON', names: { en: 'P' }, evidence: 'four' },
        ],
        relations: [{ type: 'SPOKE', from: 'person/p', to: 'statement/s', evidence: 'five', basis: 'STATED' }],
      });
    const files = [
      { file: 'a.yaml', document: document('source/a') },
      { file: 'b.yaml', document: document('source/b') },
    ];
    expect(
      collectExcerpts(files, 'source/a').map(({ where, field, excerpt }) => `${where} ${field} ${excerpt}`),
    ).toEqual([
      'statement/s evidence[0] one',
      'statement/s evidence[1] two',
      'statement/s text quoted text',
      'statement/s attributes[0] (indirect).evidence[0] three',
      'person/p evidence[0] four',
      'SPOKE person/p → statement/s evidence[0] five',
    ]);
  });
});

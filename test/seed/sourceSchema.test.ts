import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { planGraphWrite } from '../../src/seed/planGraphWrite.js';
import { MAX_SOURCE_TEXT_LENGTH, sourceDocumentSchema } from '../../src/seed/sourceDocument.js';

const SOURCE = { id: 'source/x', title: 'X', publishedOn: '2025-09-09', language: 'ru' };
const TEXT = 'Губернатор подписал меморандум.';
const SHA256 = createHash('sha256').update(TEXT, 'utf8').digest('hex');

describe('a source with its text', () => {
  it('declares the SHA-256 of the text, computed when only the text is given', () => {
    expect(sourceDocumentSchema.parse({ source: { ...SOURCE, text: TEXT } }).source.contentSha256).toBe(SHA256);
    expect(sourceDocumentSchema.parse({ source: { ...SOURCE, text: TEXT, contentSha256: SHA256 } }).source.text).toBe(
      TEXT,
    );
  });

  it('refuses a hash the text does not have, an empty text and one past the bound, naming the field', () => {
    const issues = (source: Record<string, unknown>) =>
      sourceDocumentSchema
        .safeParse({ source })
        .error?.issues.map(({ path, message }) => `${path.join('.')}: ${message}`);
    expect(issues({ ...SOURCE, text: TEXT, contentSha256: 'a'.repeat(64) })).toEqual([
      `source.contentSha256: expected the SHA-256 of the given text (${SHA256}), got ${'a'.repeat(64)}: give the text alone or its own hash`,
    ]);
    expect(issues({ ...SOURCE, text: '' })).toEqual(['source.text: expected a non-empty text']);
    expect(issues({ ...SOURCE, text: 'a'.repeat(MAX_SOURCE_TEXT_LENGTH + 1) })).toEqual([
      `source.text: expected a text of at most ${MAX_SOURCE_TEXT_LENGTH} characters`,
    ]);
  });

  it('plans the text beside the source, not among its properties, and every quote with its path', () => {
    const plan = planGraphWrite([
      {
        file: 'x.yaml',
        document: sourceDocumentSchema.parse({
          source: { ...SOURCE, text: TEXT },
          entities: [{ id: 'person/p', kind: 'PERSON', names: { en: 'P' }, evidence: ['Губернатор', 'меморандум'] }],
        }),
      },
    ]);
    expect(plan.sourceTexts).toEqual([{ sha256: SHA256, text: TEXT }]);
    expect(plan.entities.find((entity) => entity.id === 'source/x')!.sourceProps).not.toHaveProperty('text');
    expect(plan.quotes.map(({ path, excerpt, sourceId }) => [sourceId, path.join('.'), excerpt])).toEqual([
      ['source/x', 'entities.0.evidence.0', 'Губернатор'],
      ['source/x', 'entities.0.evidence.1', 'меморандум'],
    ]);
  });
});

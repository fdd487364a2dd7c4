import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectExcerpts, findMissingExcerpts } from '../../src/seed/findMissingExcerpts.js';
import { readSourceDocuments, type SeedFile } from '../../src/seed/readSourceDocuments.js';
import { sourceDocumentSchema, type SourceDocumentInput } from '../../src/seed/sourceDocument.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const ARTICLE = path.resolve(REPO, '../shared/article/000_0cee7196dd613652.txt');
const ARTICLE_SOURCE = 'source/2025-09-09-krasnogorsk-business-forum';

const TEXT = 'Губернатор Андрей Воробьев сказал: «Это здорово!» — и подписал\r\nмеморандум.';

/** A one-entity seed file of `sourceId` whose entity, attribute and relation quote the given excerpts. */
function seedFile(sourceId: string, excerpts: { entity?: string; attribute?: string; relation?: string }): SeedFile {
  const input: SourceDocumentInput = {
    source: { id: sourceId, title: 'Test', publishedOn: '2025-09-09', language: 'ru' },
    entities: [
      {
        id: 'person/andrey-vorobyov',
        kind: 'PERSON',
        names: { en: 'Andrey Vorobyov' },
        evidence: excerpts.entity ?? 'Андрей Воробьев',
        attributes: [
          { key: 'office', value: 'governor', evidence: excerpts.attribute ?? 'Губернатор', basis: 'STATED' },
        ],
      },
      {
        id: 'statement/vorobyov-praise',
        kind: 'STATEMENT',
        names: { en: 'Praise' },
        text: 'Это здорово!',
        evidence: 'сказал:',
      },
    ],
    relations: [
      {
        type: 'SPOKE',
        from: 'person/andrey-vorobyov',
        to: 'statement/vorobyov-praise',
        evidence: excerpts.relation ?? 'Воробьев сказал',
        basis: 'STATED',
      },
    ],
  };
  return { file: `seeds/${sourceId.slice('source/'.length)}.yaml`, document: sourceDocumentSchema.parse(input) };
}

describe('findMissingExcerpts', () => {
  it('finds nothing missing when every excerpt, including a statement text, occurs verbatim', () => {
    expect(findMissingExcerpts([seedFile('source/a', {})], 'source/a', TEXT)).toEqual([]);
  });

  it('lists a missing excerpt with its file, entry and field', () => {
    const missing = findMissingExcerpts([seedFile('source/a', { attribute: 'Мэр' })], 'source/a', TEXT);
    expect(missing).toEqual([
      {
        file: 'seeds/a.yaml',
        where: 'person/andrey-vorobyov',
        field: 'attributes[0] (office).evidence[0]',
        path: ['entities', 0, 'attributes', 0, 'evidence', 0],
        excerpt: 'Мэр',
      },
    ]);
  });

  it('names a relation by its type and ends', () => {
    const missing = findMissingExcerpts([seedFile('source/a', { relation: 'Воробьев заявил' })], 'source/a', TEXT);
    expect(missing.map(({ where, field }) => `${where} ${field}`)).toEqual([
      'SPOKE person/andrey-vorobyov → statement/vorobyov-praise evidence[0]',
    ]);
  });

  it('lists an excerpt whose ё differs from the source', () => {
    const missing = findMissingExcerpts([seedFile('source/a', { entity: 'Андрей Воробьёв' })], 'source/a', TEXT);
    expect(missing.map(({ excerpt }) => excerpt)).toEqual(['Андрей Воробьёв']);
  });

  it('lists an excerpt whose quotes differ from the source', () => {
    const missing = findMissingExcerpts([seedFile('source/a', { entity: '"Это здорово!"' })], 'source/a', TEXT);
    expect(missing.map(({ excerpt }) => excerpt)).toEqual(['"Это здорово!"']);
  });

  it('reads CRLF in the source as LF', () => {
    const files = [seedFile('source/a', { entity: 'подписал\nмеморандум' })];
    expect(findMissingExcerpts(files, 'source/a', TEXT)).toEqual([]);
  });

  it('ignores the files of other sources', () => {
    const files = [seedFile('source/a', {}), seedFile('source/b', { entity: 'nowhere in the text' })];
    expect(findMissingExcerpts(files, 'source/a', TEXT)).toEqual([]);
    expect(findMissingExcerpts(files, 'source/b', TEXT)).toHaveLength(1);
  });

  it('finds every excerpt of the Krasnogorsk seed file in the article', async () => {
    const files = await readSourceDocuments(path.resolve(REPO, 'seeds'));
    expect(collectExcerpts(files, ARTICLE_SOURCE).length).toBeGreaterThan(100);
    expect(findMissingExcerpts(files, ARTICLE_SOURCE, await readFile(ARTICLE, 'utf8'))).toEqual([]);
  });
});

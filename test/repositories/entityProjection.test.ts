import { describe, expect, it } from 'vitest';
import { entityProjection, toEntityModel } from '../../src/repositories/entityProjection.js';
import { EMPTY_PROJECTION as NOTHING, FULL_PROJECTION } from '../../src/repositories/ProjectionShape.js';

describe('entityProjection', () => {
  it('lists only the values the shape reads, ending at the last of them', () => {
    expect(entityProjection('n', NOTHING)).toBe("[n.id, n.kind, coalesce('en' + n.nameEn, 'ru' + n.nameRu, 'kk' + n.nameKk)]");
    expect(entityProjection('n', { ...NOTHING, localizedNames: true, signedOn: true })).toBe(
      '[n.id, n.kind, [n.nameEn, n.nameRu, n.nameKk], null, null, null, CASE WHEN n:Agreement THEN n.signedOn END]',
    );
    expect(entityProjection('n', FULL_PROJECTION)).toMatch(/, n\.contentSha256\]$/);
  });
});

describe('toEntityModel', () => {
  it('reads a name prefixed with its language as the name in that language', () => {
    expect(toEntityModel(['region/x', 'REGION', 'kkТек қазақша']).names).toEqual({ en: null, ru: null, kk: 'Тек қазақша' });
    expect(toEntityModel(['region/x', 'REGION', 'enX']).names).toEqual({ en: 'X', ru: null, kk: null });
    expect(toEntityModel(['region/x', 'REGION', null]).names).toEqual({ en: null, ru: null, kk: null });
  });

  it('reads every name from a list of three, and missing trailing values as empty', () => {
    expect(toEntityModel(['source/x', 'SOURCE', ['Wire', 'Лента', null]])).toEqual({
      id: 'source/x',
      kind: 'SOURCE',
      names: { en: 'Wire', ru: 'Лента', kk: null },
      aliases: [],
      evidenceIds: [],
      text: null,
      signedOn: null,
      source: { title: 'Wire', publisher: null, publishedOn: '', language: '', url: null, contentSha256: null },
    });
  });
});

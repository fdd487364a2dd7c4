import { describe, expect, it } from 'vitest';
import { entityProjection, toEntityModel } from '../../src/repositories/entityProjection.js';
import { EMPTY_PROJECTION as NOTHING, FULL_PROJECTION } from '../../src/repositories/ProjectionShape.js';

describe('entityProjection', () => {
  it('lists only the values the shape reads, ending at the last of them', () => {
    expect(entityProjection('n', NOTHING)).toBe("[n.id, coalesce('en' + n.nameEn, 'ru' + n.nameRu, 'kk' + n.nameKk)]");
    expect(entityProjection('n', { ...NOTHING, localizedNames: true, signedOn: true })).toBe(
      '[n.id, [n.nameEn, n.nameRu, n.nameKk], null, null, null, CASE WHEN n:Agreement AND n.signedEarliest = n.signedOn THEN n.signedOn END]',
    );
    expect(entityProjection('n', FULL_PROJECTION)).toMatch(/, n\.contentSha256, n\.textLength\]$/);
  });
});

describe('toEntityModel', () => {
  it('reads a name prefixed with its language as the name in that language', () => {
    expect(toEntityModel(['region/x', 'kkТек қазақша']).names).toEqual({ en: null, ru: null, kk: 'Тек қазақша' });
    expect(toEntityModel(['region/x', 'enX']).names).toEqual({ en: 'X', ru: null, kk: null });
    expect(toEntityModel(['region/x', null]).names).toEqual({ en: null, ru: null, kk: null });
  });

  it('tells the kind by the id', () => {
    expect(toEntityModel(['region/x', 'enX']).kind).toBe('REGION');
    expect(toEntityModel(['organization/x-y', 'enX']).kind).toBe('ORGANIZATION');
    expect(() => toEntityModel(['x', 'enX'])).toThrow('expected an entity id of the form kind/slug, got "x"');
  });

  it('reads every name from a list of three, and missing trailing values as empty', () => {
    expect(toEntityModel(['source/x', ['Wire', 'Лента', null]])).toEqual({
      id: 'source/x',
      kind: 'SOURCE',
      names: { en: 'Wire', ru: 'Лента', kk: null },
      aliases: [],
      evidenceIds: [],
      text: null,
      signedOn: null,
      source: {
        title: 'Wire',
        publisher: null,
        publishedOn: '',
        language: '',
        url: null,
        contentSha256: null,
        textLength: null,
      },
    });
  });
});

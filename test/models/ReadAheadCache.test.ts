import type { RelationQuery } from '../../src/domain/RelationQuery.js';
import { describe, expect, it } from 'vitest';
import type { EntityModel } from '../../src/models/EntityModel.js';
import { createReadAheadCache } from '../../src/models/ReadAheadCache.js';

const entity = (id: string, en: string): EntityModel => ({
  id,
  kind: 'ORGANIZATION',
  names: { en, ru: null, kk: null },
  aliases: [],
  evidenceIds: [],
  text: null,
  signedOn: null,
  source: null,
});

describe('createReadAheadCache', () => {
  it('keeps the first value primed for a key: what a request read first stays what it answers', () => {
    const cache = createReadAheadCache();
    cache.entities.prime('organization/a', entity('organization/a', 'First'));
    cache.entities.prime('organization/a', entity('organization/a', 'Second'));
    expect(cache.entities.get('organization/a')?.names.en).toBe('First');
    expect(cache.entities.get('organization/b')).toBeUndefined();
  });

  it('holds a country of null apart from none held', () => {
    const cache = createReadAheadCache();
    cache.countries.prime('region/x', null);
    expect(cache.countries.get('region/x')).toBeNull();
    expect(cache.countries.get('region/y')).toBeUndefined();
  });

  it("forgets a key's value and its load on invalidate, and nothing else", async () => {
    const cache = createReadAheadCache();
    cache.entities.prime('organization/a', entity('organization/a', 'Old'));
    cache.entities.prime('organization/b', entity('organization/b', 'Other'));
    cache.entities.loads.set('organization/a', Promise.resolve(null));
    cache.entities.invalidate('organization/a');
    expect(cache.entities.get('organization/a')).toBeUndefined();
    expect(cache.entities.loads.has('organization/a')).toBe(false);
    expect(cache.entities.get('organization/b')?.names.en).toBe('Other');
    cache.entities.prime('organization/a', entity('organization/a', 'New'));
    expect(cache.entities.get('organization/a')?.names.en).toBe('New');
  });

  it('holds relations by the whole query: equal queries share an entry, any other part tells them apart', () => {
    const cache = createReadAheadCache();
    const query: RelationQuery = { entityId: 'organization/a', types: ['PARTY_TO'], direction: 'OUTGOING', first: 25 };
    cache.relations.prime(query, []);
    expect(cache.relations.get({ ...query, types: ['PARTY_TO'] })).toEqual([]);
    expect(cache.relations.get({ ...query, first: 26 })).toBeUndefined();
    expect(cache.relations.get({ ...query, direction: 'BOTH' })).toBeUndefined();
    expect(cache.relations.get({ ...query, types: null })).toBeUndefined();
    expect(cache.relations.get({ ...query, entityId: 'organization/b' })).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { ARRAY_DELIMITER, entityLine, signingBounds } from '../../src/bulk/importCsvTables.js';
import type { AttributeRow, EntityRow } from '../../src/seed/planGraphWrite.js';

const signedOn = (
  id: string,
  value: string,
  precision: AttributeRow['precision'],
  earliest: string | null,
  latest: string | null,
): AttributeRow => ({
  id,
  entityId: 'agreement/a',
  key: 'signedOn',
  value,
  number: null,
  unit: null,
  qualifier: null,
  evidenceIds: ['excerpt/1'],
  basis: 'STATED',
  inference: null,
  precision,
  earliest,
  latest,
});

const entity: EntityRow = {
  id: 'organization/a',
  kind: 'ORGANIZATION',
  label: 'Organization',
  nameEn: 'The "Quoted", Co',
  nameRu: null,
  nameKk: null,
  text: null,
  aliases: [],
  evidenceIds: ['excerpt/1', 'excerpt/2'],
  searchKeys: ['quoted co', 'qc'],
  sourceProps: null,
};

describe('signingBounds', () => {
  it('takes the narrowest interval, as SET_SIGNED_ON orders them', () => {
    const year = signedOn('attribute/b', '2024', 'YEAR', '2024-01-01', '2024-12-31');
    const day = signedOn('attribute/c', '2024-06-16', 'DAY', '2024-06-16', '2024-06-16');
    const open = signedOn('attribute/a', '2024-06', 'MONTH', null, '2024-06-30');
    expect(signingBounds([open, year, day])).toEqual({ signedOn: '2024-06-16', signedEarliest: '2024-06-16' });
    expect(signingBounds([open, year])).toEqual({ signedOn: '2024-12-31', signedEarliest: '2024-01-01' });
    expect(signingBounds([open])).toEqual({ signedOn: '2024-06-30', signedEarliest: null });
  });

  it('ranks a value without bounds with a day, breaking ties by id, and answers nothing without attributes', () => {
    const legacy = (id: string) => signedOn(id, 'sometime', null, null, null);
    const day = signedOn('attribute/c', '2024-06-16', 'DAY', '2024-06-16', '2024-06-16');
    expect(signingBounds([day, legacy('attribute/a')])).toEqual({ signedOn: 'sometime', signedEarliest: 'sometime' });
    expect(signingBounds([legacy('attribute/z'), day])).toEqual({
      signedOn: '2024-06-16',
      signedEarliest: '2024-06-16',
    });
    expect(signingBounds([])).toEqual({ signedOn: null, signedEarliest: null });
  });
});

describe('entityLine', () => {
  it('quotes every string, doubles inner quotes, leaves missing values empty and counts empty lists', () => {
    const empty = { entities: 0 };
    const fields = entityLine(entity, [], empty).split(',');
    expect(fields.slice(0, 6)).toEqual([
      '"organization/a"',
      `"Entity${ARRAY_DELIMITER}Organization${ARRAY_DELIMITER}NeedsLemmas"`,
      '"ORGANIZATION"',
      '"The ""Quoted""',
      ' Co"',
      '',
    ]);
    expect(entityLine(entity, [], empty)).toContain(`"excerpt/1${ARRAY_DELIMITER}excerpt/2"`);
    expect(entityLine(entity, [], empty)).toContain('" , quoted co , qc"');
    expect(empty.entities).toBe(3);
  });

  it('refuses a list item holding the delimiter instead of splitting it', () => {
    expect(() => entityLine({ ...entity, aliases: [`a${ARRAY_DELIMITER}b`] }, [], { entities: 0 })).toThrow('U+001F');
  });
});

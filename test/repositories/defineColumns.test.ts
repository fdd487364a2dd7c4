import { describe, expect, it } from 'vitest';
import { defineColumns } from '../../src/repositories/defineColumns.js';

interface Pair {
  id: string;
  role: string | null;
  note: string | null;
  rank: number | null;
}

const PAIR = defineColumns<Pair>({ id: 'always', role: 'always', note: 'optional', rank: 'optional' });

describe('defineColumns', () => {
  it('lists the expressions in declared order, writing null for optional columns not read and dropping trailing nulls', () => {
    expect(PAIR.names).toEqual(['id', 'role', 'note', 'rank']);
    expect(PAIR.list({ id: 'r.id', role: 'r.role', note: null, rank: 'r.rank' })).toBe('[r.id, r.role, null, r.rank]');
    expect(PAIR.list({ id: 'r.id', role: 'r.role', note: 'r.note', rank: null })).toBe('[r.id, r.role, r.note]');
    expect(PAIR.list({ id: 'r.id', role: 'r.role', note: null, rank: null })).toBe('[r.id, r.role]');
  });

  it('refuses to leave out a column that every row has', () => {
    expect(() => PAIR.list({ id: 'r.id', role: null, note: null, rank: null })).toThrow(
      'column role is in every row; it needs an expression',
    );
  });

  it('reads each column from the position it was listed at, missing optional values as null', () => {
    const row = ['relation/1', 'chair'];
    expect(PAIR.read.id(row)).toBe('relation/1');
    expect(PAIR.read.role(row)).toBe('chair');
    expect(PAIR.read.note(row)).toBeNull();
    expect(PAIR.read.rank(['relation/1', null, null, 3])).toBe(3);
    expect(PAIR.decode(row)).toEqual({ id: 'relation/1', role: 'chair', note: null, rank: null });
  });

  it("names a column's position for reading a row inside a statement", () => {
    expect(PAIR.at('row', 'note')).toBe('row[2]');
    expect(PAIR.at('row', 'id')).toBe('row[0]');
    expect(() => PAIR.at('row', 'missing' as keyof Pair)).toThrow(
      'no column missing; the columns are id, role, note, rank',
    );
  });
});

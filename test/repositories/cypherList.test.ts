import { describe, expect, it } from 'vitest';
import { cypherList } from '../../src/repositories/cypherList.js';

describe('cypherList', () => {
  it('drops literal nulls at the end only', () => {
    expect(cypherList(['n.id', 'null', 'n.role', 'null', 'null'])).toBe('[n.id, null, n.role]');
    expect(cypherList(['null', 'null'])).toBe('[]');
    expect(cypherList(['coalesce(n.x, null)'])).toBe('[coalesce(n.x, null)]');
  });
});

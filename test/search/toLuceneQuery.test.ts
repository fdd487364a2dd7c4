import { describe, expect, it } from 'vitest';
import { escapeLucene, toLuceneQuery } from '../../src/search/toLuceneQuery.js';

describe('toLuceneQuery', () => {
  it('matches each word exactly, as a prefix, and fuzzily when it is long enough', () => {
    expect(toLuceneQuery('ktz')).toBe('(ktz^4 OR ktz*^2)');
    expect(toLuceneQuery('vorobev')).toBe('(vorobev^4 OR vorobev*^2 OR vorobev~2)');
    expect(toLuceneQuery('samruk kazina')).toBe(
      '(samruk^4 OR samruk*^2 OR samruk~2) OR (kazina^4 OR kazina*^2 OR kazina~2)',
    );
  });
});

describe('escapeLucene', () => {
  it('escapes every query-syntax character', () => {
    expect(escapeLucene('KTZ AND (')).toBe('KTZ AND \\(');
    expect(escapeLucene('a*b?"c"\\d:e~f^g/h')).toBe('a\\*b\\?\\"c\\"\\\\d\\:e\\~f\\^g\\/h');
  });
});

import { describe, expect, it } from 'vitest';
import { KAZAKH_CASE_RULES, stripKazakhCaseSuffix } from '../../src/nlp/kazakhCaseSuffixes.js';

describe('stripKazakhCaseSuffix', () => {
  it('strips the genitive -ның/-нің/-дың/-тың by harmony: «облысының» → «облысы», «Ресейдің» → «ресей»', () => {
    expect(stripKazakhCaseSuffix('облысының')).toBe('облысы');
    expect(stripKazakhCaseSuffix('Ресейдің')).toBe('ресей');
    expect(stripKazakhCaseSuffix('Алматы')).toBeNull(); // -ты follows voiceless consonants only
    expect(stripKazakhCaseSuffix('Қазақстанның')).toBe('қазақстан');
  });

  it('strips the dative -ға/-ге/-қа/-ке, and -на/-не only after the possessive', () => {
    expect(stripKazakhCaseSuffix('Қазақстанға')).toBe('қазақстан');
    expect(stripKazakhCaseSuffix('Ресейге')).toBe('ресей');
    expect(stripKazakhCaseSuffix('облысына')).toBe('облысы');
    expect(stripKazakhCaseSuffix('Астана')).toBeNull();
  });

  it('strips the accusative -ны/-ды/-ты, and -н only after the possessive: «Алматы облысын»', () => {
    expect(stripKazakhCaseSuffix('Алматыны')).toBe('алматы');
    expect(stripKazakhCaseSuffix('облысын')).toBe('облысы');
    expect(stripKazakhCaseSuffix('Қазақстан')).toBeNull();
  });

  it('strips the locative -да/-де/-та/-те and -нда/-нде: «Алматыда», «облысында», «Ресейде»', () => {
    expect(stripKazakhCaseSuffix('Алматыда')).toBe('алматы');
    expect(stripKazakhCaseSuffix('облысында')).toBe('облысы');
    expect(stripKazakhCaseSuffix('Ресейде')).toBe('ресей');
  });

  it('strips the ablative -дан/-ден/-тан/-тен/-нан/-нен: «Мәскеуден», «Қазақстаннан»', () => {
    expect(stripKazakhCaseSuffix('Мәскеуден')).toBe('мәскеу');
    expect(stripKazakhCaseSuffix('Қазақстаннан')).toBe('қазақстан');
  });

  it('strips the instrumental -мен/-бен/-пен whatever the harmony, borrowed names included: «Воробьевпен»', () => {
    expect(stripKazakhCaseSuffix('Воробьевпен')).toBe('воробьев');
    expect(stripKazakhCaseSuffix('Абаевпен')).toBe('абаев');
    expect(stripKazakhCaseSuffix('Алматымен')).toBe('алматы');
  });

  it('refuses an ending of the wrong harmony: «Ресейда» is not a locative of «Ресей»', () => {
    expect(stripKazakhCaseSuffix('Ресейда')).toBeNull();
    expect(stripKazakhCaseSuffix('Алматыде')).toBeNull();
  });

  it('strips an ending hyphenated after an abbreviation: «ҚТЖ-ның», «ҚР-да»', () => {
    expect(stripKazakhCaseSuffix('ҚТЖ-ның')).toBe('қтж');
    expect(stripKazakhCaseSuffix('ҚР-да')).toBe('қр');
    expect(stripKazakhCaseSuffix('KTZ-Express')).toBeNull();
  });

  it('leaves short stems and words without an ending alone', () => {
    expect(stripKazakhCaseSuffix('Ана')).toBeNull();
    expect(stripKazakhCaseSuffix('Алматы')).toBeNull();
    expect(stripKazakhCaseSuffix('облыс')).toBeNull();
  });

  it('documents every case it handles', () => {
    expect(KAZAKH_CASE_RULES.map((rule) => rule.case)).toEqual([
      'genitive',
      'dative',
      'accusative',
      'locative',
      'ablative',
      'instrumental',
    ]);
  });
});

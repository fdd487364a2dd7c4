import { transliterate } from 'transliteration';

/** Kazakh letters folded onto their nearest Russian ones, so that «Самрук-Қазына» and «Самрук-Казына» meet. */
export const KAZAKH_FOLD: Record<string, string> = {
  ә: 'а',
  ғ: 'г',
  қ: 'к',
  ң: 'н',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  һ: 'х',
  і: 'и',
};

/** Legal-form words that say nothing about which entity is meant. */
const LEGAL_FORMS = new Set([
  'ao',
  'oao',
  'zao',
  'pao',
  'ooo',
  'too',
  'jsc',
  'ojsc',
  'pjsc',
  'llp',
  'llc',
  'ltd',
  'inc',
  'plc',
]);

/** Spelling variants of Latin transliterations, folded to one form: Vorobyov, Vorobiev, Vorobev → vorobev. */
const LATIN_FOLDS: [RegExp, string][] = [
  [/kh/g, 'h'],
  [/[yji]+([oe])/g, 'e'],
  [/[yj]/g, 'i'],
  [/(.)\1+/g, '$1'],
];

/**
 * The search key of a name: lowercase Latin letters and digits in space-separated words, with case, ё/е,
 * Kazakh letters, Cyrillic/Latin script, common transliteration variants and legal-form words folded away.
 * Two spellings of one name give the same key; the key never contains Lucene syntax.
 */
export function normalizeName(name: string): string {
  const cyrillicFolded = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[әғқңөұүһі]/g, (letter) => KAZAKH_FOLD[letter] ?? letter);
  return transliterate(cyrillicFolded)
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '' && !LEGAL_FORMS.has(word))
    .map((word) => LATIN_FOLDS.reduce((folded, [pattern, replacement]) => folded.replace(pattern, replacement), word))
    .join(' ');
}

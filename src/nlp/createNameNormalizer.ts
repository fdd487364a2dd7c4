import { normalizeName } from '../search/normalizeName.js';
import { stripKazakhCaseSuffix } from './kazakhCaseSuffixes.js';
import type { NlpClient, WordLemma } from './NlpClient.js';

/** A name in its dictionary form, as search keys: `lemmaKey` from lemmas, `surfaceKey` from the words as written. */
export interface NormalizedName {
  /** Each word in its dictionary form (nominative), Kazakh case endings stripped, legal-form words dropped, then
   * folded like `normalizeName` (script, ё/е, Kazakh letters, transliteration variants). «Андрея Воробьёва» and
   * «Андрей Воробьев» give the same lemmaKey. */
  lemmaKey: string;
  /** `normalizeName` of the words kept (legal-form words dropped), for as-you-type prefix and typo matching. */
  surfaceKey: string;
}

/** Normalizes names through the text-analysis worker; rejects with NlpUnavailableError while it is down. */
export interface NameNormalizer {
  normalizeNames(names: readonly string[]): Promise<NormalizedName[]>;
}

/**
 * Legal-form and official-qualifier phrases, as lemmas: they say what kind of body something is, not which one,
 * so they neither add nor steal score. Dropped only when other words remain («Республика Казахстан» alone stays).
 */
export const LEGAL_FORM_PHRASES: readonly (readonly string[])[] = [
  ['публичный', 'акционерный', 'общество'],
  ['акционерный', 'общество'],
  ['товарищество', 'с', 'ограниченный', 'ответственность'],
  ['общество', 'с', 'ограниченный', 'ответственность'],
  ['национальный', 'компания'],
  ['республика', 'казахстан'],
  ['ао'],
  ['нк'],
  ['тоо'],
  ['пао'],
  ['оао'],
  ['зао'],
  ['ооо'],
  ['ақ'],
  ['joint', 'stock', 'company'],
  ['jsc'],
  ['nc'],
  ['llp'],
  ['national', 'company'],
  ['republic', 'of', 'kazakhstan'],
];

/** Words: letters and digits, hyphenated compounds kept whole (the analyser knows «Алма-Атинская»). */
const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
const CYRILLIC = /[\u0400-\u04FF]/;

/** The words of a name, lowercase, with ё folded, as the analyser and the legal-form list see them. */
export function nameWords(name: string): string[] {
  return name.normalize('NFKC').toLowerCase().replace(/ё/g, 'е').match(WORD) ?? [];
}

/** Prepositions a pasted phrase may start with («в Подмосковье», «с Казахстаном»): not part of the name. */
export const LEADING_PREPOSITIONS: ReadonlySet<string> = new Set([
  'в',
  'во',
  'на',
  'с',
  'со',
  'из',
  'у',
  'к',
  'ко',
  'о',
  'об',
  'от',
  'при',
  'для',
  'по',
  'за',
  'in',
  'of',
  'the',
]);

/** Positions of `words` covered by a legal-form phrase (longest first) or a leading preposition. */
export function legalFormPositions(words: readonly string[]): Set<number> {
  const covered = new Set<number>();
  for (let i = 0; i < words.length - 1 && LEADING_PREPOSITIONS.has(words[i]!); i += 1) covered.add(i);
  for (let i = 0; i < words.length; i += 1) {
    for (const phrase of LEGAL_FORM_PHRASES) {
      if (phrase.every((word, offset) => words[i + offset] === word && !covered.has(i + offset))) {
        phrase.forEach((_, offset) => covered.add(i + offset));
        break;
      }
    }
  }
  return covered.size === words.length ? new Set() : covered;
}

/** The dictionary form of one word: the analyser's, or for a word it does not know, that of its Kazakh stem. */
function chooseLemma(word: string, stem: string | null, lemmas: Map<string, WordLemma>): string {
  const own = lemmas.get(word)!;
  if (own.known || stem === null) return own.lemma;
  return lemmas.get(stem)!.lemma;
}

/** Words whose dictionary forms are remembered: searches repeat words, and the worker's round trip is most of their cost. */
const LEMMA_CACHE_SIZE = 10_000;

export interface NameNormalizerOptions {
  /** How many words' dictionary forms are remembered. Default 10,000. */
  cacheSize?: number;
}

/**
 * A NameNormalizer over the worker: at most one `lemmas` request per call, however many names, for the words not
 * in its cache (the most recently learnt `cacheSize` words; a word's dictionary form never changes).
 */
export function createNameNormalizer(
  nlp: Pick<NlpClient, 'lemmas'>,
  { cacheSize = LEMMA_CACHE_SIZE }: NameNormalizerOptions = {},
): NameNormalizer {
  const cache = new Map<string, WordLemma>();
  // The answer is collected before the cache is trimmed: a call with more words than the cache holds (a bulk
  // refresh) would otherwise evict its own hits.
  const lookUp = async (words: string[]): Promise<Map<string, WordLemma>> => {
    const found = new Map<string, WordLemma>();
    const missing: string[] = [];
    for (const word of words) {
      const hit = cache.get(word);
      if (hit === undefined) missing.push(word);
      else found.set(word, hit);
    }
    const answers = await nlp.lemmas(missing);
    missing.forEach((word, index) => {
      found.set(word, answers[index]!);
      cache.set(word, answers[index]!);
    });
    while (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
    return found;
  };
  return {
    async normalizeNames(names) {
      const wordLists = names.map(nameWords);
      const stems = new Map<string, string | null>();
      for (const word of wordLists.flat())
        if (!stems.has(word)) stems.set(word, CYRILLIC.test(word) ? stripKazakhCaseSuffix(word) : null);
      const asked = [
        ...new Set([...stems.keys(), ...[...stems.values()].filter((stem): stem is string => stem !== null)]),
      ];
      const lemmas = await lookUp(asked);
      return wordLists.map((words) => {
        const lemmaWords = words.map((word) => chooseLemma(word, stems.get(word) ?? null, lemmas).replace(/ё/g, 'е'));
        const dropped = legalFormPositions(lemmaWords);
        const kept = (list: string[]) => list.filter((_, index) => !dropped.has(index)).join(' ');
        return { lemmaKey: normalizeName(kept(lemmaWords)), surfaceKey: normalizeName(kept(words)) };
      });
    },
  };
}

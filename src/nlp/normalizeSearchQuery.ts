import type { NameNormalizer } from './createNameNormalizer.js';
import { MAX_SEARCH_WORDS, toSearchKey } from '../search/toSearchKey.js';
import { toLuceneQuery } from '../search/toLuceneQuery.js';

/** What a search runs on: the written form's key, the dictionary form's key, and the Lucene query over both. */
export interface SearchQueryKeys {
  /** `toSearchKey` of the text: matches stored `searchKeys` (names as written). */
  key: string;
  /** The text's `lemmaKey`: matches stored `lemmaKeys`; null when the text-analysis worker did not answer. */
  lemmaKey: string | null;
  /** Lucene over the lemma words and the written words, legal-form words left out; escaped. */
  lucene: string;
}

/** How long a search waits for the worker before it answers from the written forms alone. */
const NORMALIZE_TIMEOUT_MS = 1_000;

/**
 * The keys of a search text (BAD_USER_INPUT naming `argument` as `toSearchKey` does). Without a normalizer, or
 * when the worker is down or slow, it degrades to the written forms: search still answers, without inflection.
 */
export async function normalizeSearchQuery(
  argument: string,
  text: string,
  normalizer: NameNormalizer | null,
): Promise<SearchQueryKeys> {
  const key = toSearchKey(argument, text);
  let normalized: { lemmaKey: string; surfaceKey: string } | null = null;
  if (normalizer) {
    let timer: NodeJS.Timeout | undefined;
    normalized = await Promise.race([
      normalizer.normalizeNames([text]).then(
        ([name]) => name ?? null,
        () => null,
      ),
      new Promise<null>((resolve) => (timer = setTimeout(resolve, NORMALIZE_TIMEOUT_MS, null))),
    ]);
    clearTimeout(timer);
  }
  if (!normalized || normalized.lemmaKey === '') return { key, lemmaKey: null, lucene: toLuceneQuery(key) };
  const words = [...new Set([...normalized.lemmaKey.split(' '), ...(normalized.surfaceKey || key).split(' ')])].filter(
    (word) => word !== '',
  );
  return { key, lemmaKey: normalized.lemmaKey, lucene: toLuceneQuery(words.slice(0, MAX_SEARCH_WORDS).join(' ')) };
}

import { badUserInput } from '../errors.js';
import { normalizeName } from './normalizeName.js';

/** The longest search text accepted, in characters: room for any real name, with its legal form and qualifiers. */
export const MAX_SEARCH_TEXT_LENGTH = 200;

/**
 * The most words a search key may have. Each word becomes up to three Lucene clauses, and its prefix and fuzzy
 * clauses expand into up to 16 and 50 index terms; 12 words stay well below Lucene's 1,024-clause ceiling.
 */
export const MAX_SEARCH_WORDS = 12;

/**
 * The search key (see `normalizeName`) of the text a client sent as `argument`; BAD_USER_INPUT naming the argument
 * and the limit when the text is longer than MAX_SEARCH_TEXT_LENGTH, has more than MAX_SEARCH_WORDS words, or has
 * no letter or digit. Checked before any normalization work, so a huge text costs no more than its length check.
 */
export function toSearchKey(argument: string, text: string): string {
  if (text.length > MAX_SEARCH_TEXT_LENGTH) {
    throw badUserInput(argument, `text of at most ${MAX_SEARCH_TEXT_LENGTH} characters`, `${text.length} characters`);
  }
  const key = normalizeName(text);
  if (key === '') throw badUserInput(argument, 'text with at least one letter or digit', text);
  const words = key.split(' ').length;
  if (words > MAX_SEARCH_WORDS)
    throw badUserInput(argument, `text of at most ${MAX_SEARCH_WORDS} words`, `${words} words`);
  return key;
}

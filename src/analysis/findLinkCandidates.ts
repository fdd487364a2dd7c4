import { LEADING_PREPOSITIONS } from '../nlp/createNameNormalizer.js';
import type { NlpSentence, NlpToken } from '../nlp/NlpClient.js';
import type { TextSpanCandidate } from './TextSpanCandidate.js';

/** The longest n-gram looked up, in words: «акционерное общество «Национальная компания «Қазақстан темір жолы»». */
export const MAX_NGRAM_WORDS = 8;

/** Words a name neither starts nor ends with: prepositions and conjunctions, Russian, Kazakh and English. */
const EDGE_STOP_WORDS: ReadonlySet<string> = new Set([
  ...LEADING_PREPOSITIONS,
  ...['и', 'а', 'но', 'или', 'между', 'как', 'что', 'это', 'мен', 'және', 'бен', 'пен', 'де', 'да', 'та', 'те'],
  ...['and', 'to'],
]);

const WORD = /[\p{L}\p{N}]/u;
const OPENING_QUOTES = new Set(['«', '„', '“']);
const CLOSING_QUOTES = new Set(['»', '”']);
/** Tokens that may sit inside a name: quotes and hyphens; any other punctuation ends it. */
const INNER_PUNCTUATION = new Set([...OPENING_QUOTES, ...CLOSING_QUOTES, '"', '-', '–']);

export const isWordToken = (token: NlpToken): boolean => WORD.test(token.text);

/**
 * The end of a span over tokens[first..last], moved over the closing quotes that balance the opening ones inside
 * it, so that «АО «НК «ҚТЖ»» is one mention with its quotes.
 */
export function balancedEnd(tokens: readonly NlpToken[], first: number, last: number): number {
  let open = 0;
  for (let i = first; i <= last; i += 1) {
    if (OPENING_QUOTES.has(tokens[i]!.text)) open += 1;
    else if (CLOSING_QUOTES.has(tokens[i]!.text)) open = Math.max(0, open - 1);
  }
  let end = tokens[last]!.end;
  for (let i = last + 1; open > 0 && i < tokens.length && CLOSING_QUOTES.has(tokens[i]!.text); i += 1, open -= 1)
    end = tokens[i]!.end;
  return end;
}

/**
 * Every run of 1..MAX_NGRAM_WORDS words inside one sentence, across quotes and hyphens but no other punctuation,
 * that neither starts nor ends with a preposition or conjunction: the spans looked up among known names.
 */
export function findLinkCandidates(
  tokens: readonly NlpToken[],
  sentences: readonly NlpSentence[],
): TextSpanCandidate[] {
  const candidates: TextSpanCandidate[] = [];
  let sentence = 0;
  for (let first = 0; first < tokens.length; first += 1) {
    const start = tokens[first]!;
    if (!isWordToken(start) || EDGE_STOP_WORDS.has(start.text.toLowerCase())) continue;
    while (sentence < sentences.length - 1 && sentences[sentence]!.end <= start.start) sentence += 1;
    const sentenceEnd = sentences[sentence]?.end ?? Infinity;
    let words = 0;
    for (let last = first; last < tokens.length && tokens[last]!.end <= sentenceEnd; last += 1) {
      const token = tokens[last]!;
      if (!isWordToken(token)) {
        if (INNER_PUNCTUATION.has(token.text)) continue;
        break;
      }
      words += 1;
      if (words > MAX_NGRAM_WORDS) break;
      if (EDGE_STOP_WORDS.has(token.text.toLowerCase())) continue;
      candidates.push({
        start: start.start,
        end: balancedEnd(tokens, first, last),
        origin: 'ngram',
        kind: null,
        confidence: 0.95,
      });
    }
  }
  return candidates;
}

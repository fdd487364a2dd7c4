import { badUserInput } from '../errors.js';

/** The longest text analysed, in characters: a long feature article; checked before any other work. */
export const MAX_ANALYZE_TEXT_LENGTH = 100_000;
/** The share of letters that must be Cyrillic: Russian and Kazakh texts quote Latin names, but are not written in Latin. */
const MIN_CYRILLIC_SHARE = 0.5;

/**
 * Refuses what the analysers cannot read, naming the argument: an empty text, one longer than
 * MAX_ANALYZE_TEXT_LENGTH, a `language` other than RU or KK, a text mostly not in Cyrillic letters.
 */
export function checkAnalysisInput(text: string, language: string | null | undefined): void {
  if (text.length > MAX_ANALYZE_TEXT_LENGTH) {
    throw badUserInput('text', `text of at most ${MAX_ANALYZE_TEXT_LENGTH} characters`, `${text.length} characters`);
  }
  if (language !== null && language !== undefined && language !== 'RU' && language !== 'KK') {
    throw badUserInput('language', 'RU or KK (the analysers read Russian and Kazakh), or none to detect it', language);
  }
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) throw badUserInput('text', 'text with at least one letter', text.slice(0, 40));
  const cyrillic = text.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  if (cyrillic / letters < MIN_CYRILLIC_SHARE) {
    throw badUserInput(
      'text',
      'Russian or Kazakh text (mostly Cyrillic letters)',
      `${Math.round((100 * cyrillic) / letters)}% Cyrillic letters`,
    );
  }
}

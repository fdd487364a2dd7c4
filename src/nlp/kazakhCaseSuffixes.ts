/**
 * Kazakh case endings, stripped so that «Алматыда», «облысының» and «Воробьевпен» meet «Алматы», «облысы» and
 * «Воробьев». No maintained Kazakh morphological analyser exists for Node or Python, so the rules are written down
 * here, one per case. Kazakh suffixes follow vowel harmony: a back-vowel word (а, о, ұ, ы, also Russian у, э, ю, я)
 * takes the back variant (-да, -ның), a front-vowel word (ә, ө, ү, і, е, also Russian и, ё) the front one (-де,
 * -нің); the first consonant varies with the stem's last sound (-да after vowels and voiced consonants, -та after
 * voiceless ones), but names borrowed from Russian are not consistent about it («Воробьевпен»), so consonant
 * variants are all accepted and only harmony is checked. Only case endings are stripped, not the possessive:
 * «облысы» (its oblast) stays a word of the name «Алматы облысы», and «облысының» strips to it.
 */
export interface KazakhCaseRule {
  /** The grammatical case, for documentation and tests. */
  case: 'genitive' | 'dative' | 'accusative' | 'locative' | 'ablative' | 'instrumental';
  /** Back-vowel variants, longest first. */
  back: readonly string[];
  /** Front-vowel variants, longest first. */
  front: readonly string[];
}

/** Case endings, including the forms after the 3rd-person possessive (-ның → -ының, -на, -н, -нда, -нан). */
export const KAZAKH_CASE_RULES: readonly KazakhCaseRule[] = [
  { case: 'genitive', back: ['ның', 'дың', 'тың'], front: ['нің', 'дің', 'тің'] },
  { case: 'dative', back: ['ға', 'қа', 'на'], front: ['ге', 'ке', 'не'] },
  { case: 'accusative', back: ['ны', 'ды', 'ты', 'н'], front: ['ні', 'ді', 'ті', 'н'] },
  { case: 'locative', back: ['нда', 'да', 'та'], front: ['нде', 'де', 'те'] },
  { case: 'ablative', back: ['нан', 'дан', 'тан'], front: ['нен', 'ден', 'тен'] },
  { case: 'instrumental', back: ['менен', 'мен', 'бен', 'пен'], front: ['менен', 'мен', 'бен', 'пен'] },
];

const BACK_VOWELS = new Set('аоұыуэюя');
const FRONT_VOWELS = new Set('әөүіеиё');
/** A stem shorter than this is left alone: «Ана» is a word, not «А» + dative. */
const MIN_STEM_LENGTH = 3;

/** Whether the last vowel of a stem is back, front, or absent (null). */
function harmonyOf(stem: string): 'back' | 'front' | null {
  for (let i = stem.length - 1; i >= 0; i -= 1) {
    // After a vowel, у and и are the glides w and j («Мәскеу»), not vowels.
    if (
      (stem[i] === 'у' || stem[i] === 'и') &&
      i > 0 &&
      (BACK_VOWELS.has(stem[i - 1]!) || FRONT_VOWELS.has(stem[i - 1]!))
    )
      continue;
    if (BACK_VOWELS.has(stem[i]!)) return 'back';
    if (FRONT_VOWELS.has(stem[i]!)) return 'front';
  }
  return null;
}

const VOWELS = /[аоұыуэюяәөүіеиё]$/;
const VOICELESS = /[пфктсшщхцчқ]$/;

/**
 * The consonant rule where Kazakh is strict: т-endings follow a voiceless consonant; the genitive and accusative
 * take н- after a vowel or м/н/ң and д- after a consonant. (The instrumental, dative and д-locative are left free:
 * borrowed names vary.)
 */
function fitsStemEnd(grammaticalCase: KazakhCaseRule['case'], suffix: string, stem: string): boolean {
  if (suffix.startsWith('т')) return VOICELESS.test(stem);
  if (grammaticalCase !== 'genitive' && grammaticalCase !== 'accusative') return true;
  if (suffix.startsWith('н')) return VOWELS.test(stem) || /[мнң]$/.test(stem);
  if (suffix.startsWith('д')) return !VOWELS.test(stem);
  return true;
}

/** Endings that follow the 3rd-person possessive only; elsewhere they end nominatives («Астана», «Ертаргын»). */
const AFTER_POSSESSIVE_ONLY = new Set(['на', 'не', 'н']);

/** Every case ending, any harmony: after an abbreviation it is hyphenated and harmony is the reader's («ҚТЖ-ның»). */
const ALL_ENDINGS = new Set(KAZAKH_CASE_RULES.flatMap((rule) => [...rule.back, ...rule.front]));

/**
 * The word without its Kazakh case ending, lowercase, or null when no rule applies: the ending must be one of
 * KAZAKH_CASE_RULES, in the variant the stem's vowel harmony asks for (the instrumental has one variant for both),
 * and leave a stem of at least three letters with a vowel; -на/-не/-н only after the possessive -ы/-і. An ending
 * hyphenated after an abbreviation («ҚТЖ-ның», «ҚР-да») is stripped with its hyphen.
 */
export function stripKazakhCaseSuffix(word: string): string | null {
  const lower = word.toLowerCase();
  const hyphenated = /^(.+)-([\p{L}]+)$/u.exec(lower);
  if (
    hyphenated &&
    ALL_ENDINGS.has(hyphenated[2]!) &&
    hyphenated[1] === hyphenated[1]!.replace(/[аоұыуэюяәөүіеиё]/g, '')
  )
    return hyphenated[1]!;
  // «-стан» ends country names (Қазақстан, Ауғанстан), never an ablative: theirs is «Қазақстаннан».
  if (lower.endsWith('стан')) return null;
  let best: string | null = null;
  for (const rule of KAZAKH_CASE_RULES) {
    for (const [variants, harmony] of [
      [rule.back, 'back'],
      [rule.front, 'front'],
    ] as const) {
      for (const suffix of variants) {
        if (!lower.endsWith(suffix)) continue;
        const stem = lower.slice(0, -suffix.length);
        if (stem.length < MIN_STEM_LENGTH) continue;
        const stemHarmony = harmonyOf(stem);
        if (stemHarmony === null) continue;
        if (rule.case !== 'instrumental' && stemHarmony !== harmony) continue;
        if (AFTER_POSSESSIVE_ONLY.has(suffix) && !/[ыі]$/.test(stem)) continue;
        if (!fitsStemEnd(rule.case, suffix, stem)) continue;
        if (best === null || stem.length < best.length) best = stem;
      }
    }
  }
  return best;
}

import type { NlpToken } from '../nlp/NlpClient.js';
import { balancedEnd, isWordToken } from './findLinkCandidates.js';
import type { TextSpanCandidate } from './TextSpanCandidate.js';

/** Legal forms written before a company's name, Russian, Kazakh and English abbreviations. */
const LEGAL_FORMS = new Set([
  'АО',
  'ТОО',
  'ООО',
  'ПАО',
  'НК',
  'ОАО',
  'ЗАО',
  'АҚ',
  'ЖШС',
  'ГУП',
  'МУП',
  'ФГУП',
  'JSC',
  'LLP',
  'LLC',
]);
/** Kazakh legal forms, written after the name. */
const POSTFIX_LEGAL_FORMS = new Set(['ЖШС', 'АҚ', 'ЖАҚ']);
/** Nouns that head an organization's «quoted» name: «фонд «Самрук-Қазына»», «компания «…»». */
const ORGANIZATION_HEAD =
  /^(фонд|компани|холдинг|корпораци|концерн|банк|ассоциаци|объединени|завод|комбинат|предприяти|групп|агентств|университет|институт|центр|палат|союз)/iu;
/** Nouns that head an event's name, any case: «форум», «саммит», «выставка». */
const EVENT_HEAD = /^(форум|саммит|конференци|выставк|фестивал|съезд|конгресс|ярмарк|forum|summit|expo)/iu;
/** An event written as an abbreviation with its year: «ПМЭФ-2024», «Иннопром-2025». */
const EVENT_WITH_YEAR = /^[\p{Lu}][\p{L}]+-20\d\d$/u;
/** Nouns that head an agreement: «меморандум о сотрудничестве», «соглашение о …», «дорожная карта». */
const AGREEMENT_HEAD = /^(меморандум|соглашени|договор|протокол|келісім|меморандумғ)/iu;
const OPENING_QUOTES = new Set(['«', '„', '“', '"']);
/** A word of an agreement's topic: lowercase letters. */
const TOPIC_WORD = /^[\p{Ll}-]+$/u;
/** Where a topic ends: prepositions, conjunctions and past-tense or infinitive verbs («подписали», «заключить»). */
const TOPIC_STOP = /^(между|на|в|во|с|со|и|а|для|по|при|от|до|за|был|была|было|были)$|(ли|ло|ть|ется|ются)$/u;
const CAPITALIZED = /^\p{Lu}/u;
/** Adjective endings, any case and gender: the words before an event's head («Петербургском международном»). */
const ADJECTIVE = /(ий|ый|ой|ая|яя|ое|ее|ого|его|ому|ему|ом|ем|ой|ей|ую|юю|ые|ие|ых|их|ым|им)$/iu;

/** Index of the token that closes the quote opened at `open`, or -1. */
function quoteEnd(tokens: readonly NlpToken[], open: number): number {
  for (let i = open + 1, depth = 1; i < tokens.length && i < open + 20; i += 1) {
    const text = tokens[i]!.text;
    if (text === '«' || text === '„' || text === '“') depth += 1;
    else if (text === '»' || text === '”' || (text === '"' && tokens[open]!.text === '"')) depth -= 1;
    if (depth === 0) return i;
    if (text === '.' || text === ';') return -1;
  }
  return -1;
}

/**
 * Spans the NER model tends to miss or cut, found by the patterns of news texts: organizations by legal form
 * («АО «НК «ҚТЖ»», «ТОО «ТЛЦ Алатау»») or by a head noun before a «quoted» name, events by their head noun with
 * capitalized adjectives, a «quoted» name or a year, and agreements by their head noun and its «о …» topic.
 */
export function findPatternSpans(tokens: readonly NlpToken[]): TextSpanCandidate[] {
  const spans: TextSpanCandidate[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    if (LEGAL_FORMS.has(token.text)) {
      let j = i + 1;
      while (j < tokens.length && (LEGAL_FORMS.has(tokens[j]!.text) || OPENING_QUOTES.has(tokens[j]!.text))) {
        if (OPENING_QUOTES.has(tokens[j]!.text)) {
          const close = quoteEnd(tokens, j);
          if (close > j + 1) {
            spans.push({
              start: token.start,
              end: balancedEnd(tokens, i, close),
              origin: 'pattern',
              kind: 'ORGANIZATION',
              confidence: 0.9,
            });
            j = -1;
            break;
          }
        }
        j += 1;
      }
      if (j === -1) continue;
      // An unquoted name after the legal form: its capitalized or Latin words («АО KTZ Express»).
      let last = -1;
      for (
        let k = i + 1;
        k < tokens.length && k < i + 5 && (CAPITALIZED.test(tokens[k]!.text) || tokens[k]!.text === '-');
        k += 1
      )
        last = k;
      if (last > i)
        spans.push({
          start: token.start,
          end: tokens[last]!.end,
          origin: 'pattern',
          kind: 'ORGANIZATION',
          confidence: 0.8,
        });
      continue;
    }
    // Kazakh writes the legal form after the name: «Бәйтерек Агро» ЖШС.
    if (OPENING_QUOTES.has(token.text)) {
      const close = quoteEnd(tokens, i);
      if (close > i + 1 && POSTFIX_LEGAL_FORMS.has(tokens[close + 1]?.text ?? '')) {
        spans.push({
          start: token.start,
          end: tokens[close + 1]!.end,
          origin: 'pattern',
          kind: 'ORGANIZATION',
          confidence: 0.9,
        });
        i = close + 1;
        continue;
      }
    }
    if (ORGANIZATION_HEAD.test(token.text) && OPENING_QUOTES.has(tokens[i + 1]?.text ?? '')) {
      const close = quoteEnd(tokens, i + 1);
      if (close > i + 2)
        spans.push({
          start: token.start,
          end: balancedEnd(tokens, i, close),
          origin: 'pattern',
          kind: 'ORGANIZATION',
          confidence: 0.8,
        });
      continue;
    }
    if (EVENT_WITH_YEAR.test(token.text)) {
      spans.push({ start: token.start, end: token.end, origin: 'pattern', kind: 'EVENT', confidence: 0.8 });
      continue;
    }
    if (EVENT_HEAD.test(token.text)) {
      let first = i;
      while (first > 0 && isWordToken(tokens[first - 1]!) && ADJECTIVE.test(tokens[first - 1]!.text)) first -= 1;
      let last = i;
      if (OPENING_QUOTES.has(tokens[i + 1]?.text ?? '')) {
        const close = quoteEnd(tokens, i + 1);
        if (close > i + 2) last = close;
      }
      if (/^20\d\d$/.test(tokens[last + 1]?.text ?? '')) last += 1;
      const named = (first < i && CAPITALIZED.test(tokens[first]!.text)) || last > i;
      if (named)
        spans.push({
          start: tokens[first]!.start,
          end: balancedEnd(tokens, first, last),
          origin: 'pattern',
          kind: 'EVENT',
          confidence: 0.75,
        });
      continue;
    }
    if (AGREEMENT_HEAD.test(token.text)) {
      let last = i;
      const topic = tokens[i + 1]?.text.toLowerCase();
      if (topic === 'о' || topic === 'об') {
        // The topic: up to three lowercase words («о развитии сотрудничества», «о строительстве терминала»), up to a verb or a preposition.
        for (
          let k = i + 2;
          k < tokens.length &&
          k <= i + 4 &&
          isWordToken(tokens[k]!) &&
          TOPIC_WORD.test(tokens[k]!.text) &&
          !TOPIC_STOP.test(tokens[k]!.text);
          k += 1
        )
          last = k;
      }
      spans.push({ start: token.start, end: tokens[last]!.end, origin: 'pattern', kind: 'AGREEMENT', confidence: 0.7 });
    }
  }
  return spans;
}

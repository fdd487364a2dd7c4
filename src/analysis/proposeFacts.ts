import type { FactProposalModel, TextSpanModel } from '../models/FactProposalModel.js';
import type { MentionModel } from '../models/MentionModel.js';
import type { NlpClient, NlpSentence, NlpToken } from '../nlp/NlpClient.js';
import type { EntityKindName } from '../domain/entityKinds.js';

export interface ProposeFactsOptions {
  text: string;
  tokens: readonly NlpToken[];
  sentences: readonly NlpSentence[];
  /** In text order, linked and proposed. */
  mentions: readonly MentionModel[];
  /** The kind of each linked entity. */
  kindOf: ReadonlyMap<string, EntityKindName>;
  nlp: Pick<NlpClient, 'nominative'>;
}

/** Words that open an office's title, any case: «аким», «губернатора», «генеральный директор», «посол». */
export const TITLE =
  /^(аким|губернатор|министр|вице-министр|замминистр|президент|премьер|глав[аыеуо]й?$|мэр|председател|директор|руководител|заместител|посол|сенатор|депутат|спикер|ректор|вице-премьер|вице-губернатор|управляющ)/iu;
/** Words before a title that belong to it: «генеральный директор», «чрезвычайный и полномочный посол». */
export const TITLE_PREFIX =
  /^(генеральн|исполнительн|чрезвычайн|полномочн|первы|перв|и)$|^(генеральн|исполнительн|чрезвычайн|полномочн|первого|первый)/iu;
/** Words that state a signing: «подписали», «был подписан», «подписание», «заключили», Kazakh «қол қойды». */
const SIGNING = /^(подпис|заключ|парафир|қол)/iu;
/** The farthest a person may follow a title, in characters: «губернатор Московской области Андрей Воробьев». */
const MAX_TITLE_TO_PERSON = 120;
const PARTY_KINDS = new Set<EntityKindName>(['ORGANIZATION', 'REGION', 'COUNTRY']);
const JURISDICTION_KINDS = new Set<EntityKindName>(['ORGANIZATION', 'REGION', 'COUNTRY']);

/** Units of figures, by the words that write them. */
const UNITS: { pattern: string; unit: string }[] = [
  { pattern: 'кв\\.?\\s?м(?:етр\\p{L}*)?|м²|м2|квадратн\\p{L}* метр\\p{L}*', unit: 'm2' },
  { pattern: 'гектар\\p{L}*|га', unit: 'ha' },
  { pattern: 'рабочих мест|рабочие места|рабочее место|жұмыс орн\\p{L}*', unit: 'jobs' },
  { pattern: 'руб(?:\\.|л\\p{L}*)?|₽', unit: 'RUB' },
  { pattern: 'тенге|теңге|₸', unit: 'KZT' },
  { pattern: 'доллар\\p{L}*|долл\\.|\\$', unit: 'USD' },
  { pattern: '%|процент\\p{L}*|пайыз', unit: '%' },
  { pattern: 'тонн\\p{L}*|тысяч тонн', unit: 't' },
];
const MULTIPLIERS: { pattern: RegExp; factor: number }[] = [
  { pattern: /^(трлн|триллион)/iu, factor: 1e12 },
  { pattern: /^(млрд|миллиард)/iu, factor: 1e9 },
  { pattern: /^(млн|миллион)/iu, factor: 1e6 },
  { pattern: /^(тыс|тысяч)/iu, factor: 1e3 },
];
const FIGURE = new RegExp(
  `(\\d+(?:[\\s\\u00a0]\\d{3})*(?:[.,]\\d+)?)\\s*((?:трлн|триллион\\p{L}*|млрд|миллиард\\p{L}*|млн|миллион\\p{L}*|тыс|тысяч\\p{L}*)\\.?\\s*)?(${UNITS.map((unit) => `(${unit.pattern})`).join('|')})(?![\\p{L}\\d])`,
  'giu',
);
const FIGURE_SUBJECT_KINDS = new Set<EntityKindName>([
  'PROJECT',
  'FACILITY',
  'ORGANIZATION',
  'REGION',
  'COUNTRY',
  'AGREEMENT',
]);

const kindOfMention = (mention: MentionModel, kindOf: ReadonlyMap<string, EntityKindName>) =>
  mention.entityId !== null ? (kindOf.get(mention.entityId) ?? null) : mention.proposedKind;

/** The figure a match writes: spaces and a decimal comma read, the multiplier applied. */
function figureValue(number: string, multiplier: string | undefined): number {
  const value = Number(number.replace(/[\s\u00a0]/g, '').replace(',', '.'));
  const factor = multiplier ? (MULTIPLIERS.find((entry) => entry.pattern.test(multiplier.trim()))?.factor ?? 1) : 1;
  return value * factor;
}

/**
 * Facts the patterns of news texts state, each with its sentence as the excerpt: offices (a title, the
 * organization or jurisdiction after it, then the person: HOLDS_OFFICE with the title in the nominative as role),
 * signings (a sentence with a signing word and an agreement: PARTY_TO from each party, SIGNED_AT to an event) and
 * figures with units (ATTRIBUTE of the nearest project, facility, organization or place before the figure).
 */
export async function proposeFacts({
  text,
  tokens,
  sentences,
  mentions,
  kindOf,
  nlp,
}: ProposeFactsOptions): Promise<FactProposalModel[]> {
  const proposals: FactProposalModel[] = [];
  const offices: { person: MentionModel; jurisdiction: MentionModel; titleStart: number; excerpt: TextSpanModel }[] =
    [];
  // Top-level mentions only: a region named inside an organization's name is not a party of its own.
  const topLevel = mentions.filter(
    (mention) =>
      !mentions.some(
        (other) =>
          other !== mention &&
          other.start <= mention.start &&
          mention.end <= other.end &&
          other.end - other.start > mention.end - mention.start,
      ),
  );
  for (const sentence of sentences) {
    const excerpt = { start: sentence.start, end: sentence.end, text: text.slice(sentence.start, sentence.end) };
    const inSentence = topLevel.filter((mention) => mention.start >= sentence.start && mention.end <= sentence.end);
    const sentenceTokens = tokens.filter((token) => token.start >= sentence.start && token.end <= sentence.end);

    for (let i = 0; i < sentenceTokens.length; i += 1) {
      const title = sentenceTokens[i]!;
      if (
        !TITLE.test(title.text) ||
        mentions.some((mention) => mention.start <= title.start && title.end <= mention.end)
      )
        continue;
      const person = inSentence.find(
        (mention) =>
          mention.start >= title.end &&
          mention.start - title.end <= MAX_TITLE_TO_PERSON &&
          kindOfMention(mention, kindOf) === 'PERSON',
      );
      if (!person) continue;
      const between = text.slice(title.end, person.start);
      if (/[,;:.!?()]/.test(between)) continue;
      const jurisdiction = inSentence.find(
        (mention) =>
          mention.start >= title.end &&
          mention.end <= person.start &&
          JURISDICTION_KINDS.has(kindOfMention(mention, kindOf)!),
      );
      if (!jurisdiction) continue;
      let first = i;
      while (first > 0 && TITLE_PREFIX.test(sentenceTokens[first - 1]!.text)) first -= 1;
      // «и» joins title words («чрезвычайный и полномочный»), never starts a title.
      while (first < i && sentenceTokens[first]!.text.toLowerCase() === 'и') first += 1;
      offices.push({ person, jurisdiction, titleStart: sentenceTokens[first]!.start, excerpt });
    }

    if (sentenceTokens.some((token) => SIGNING.test(token.text))) {
      const agreement = inSentence.find((mention) => kindOfMention(mention, kindOf) === 'AGREEMENT');
      if (agreement) {
        for (const party of inSentence.filter((mention) => PARTY_KINDS.has(kindOfMention(mention, kindOf)!))) {
          proposals.push({
            type: 'PARTY_TO',
            from: party,
            to: agreement,
            role: 'party',
            value: null,
            unit: null,
            excerpt,
            confidence: 0.7,
          });
        }
        const event = inSentence.find((mention) => kindOfMention(mention, kindOf) === 'EVENT');
        if (event)
          proposals.push({
            type: 'SIGNED_AT',
            from: agreement,
            to: event,
            role: null,
            value: null,
            unit: null,
            excerpt,
            confidence: 0.7,
          });
      }
    }

    for (const match of excerpt.text.matchAll(FIGURE)) {
      const at = sentence.start + match.index;
      const unitIndex = UNITS.findIndex((_, index) => match[4 + index] !== undefined);
      const subjects = inSentence.filter((mention) => FIGURE_SUBJECT_KINDS.has(kindOfMention(mention, kindOf)!));
      const subject =
        subjects.filter((mention) => mention.end <= at).at(-1) ??
        subjects.find((mention) => mention.start >= at + match[0].length);
      if (!subject || unitIndex < 0) continue;
      proposals.push({
        type: 'ATTRIBUTE',
        from: subject,
        to: null,
        role: null,
        value: figureValue(match[1]!, match[2]),
        unit: UNITS[unitIndex]!.unit,
        excerpt,
        confidence: 0.6,
      });
    }
  }
  const roles = await nlp.nominative(
    offices.map((office) => ({ text: text.slice(office.titleStart, office.jurisdiction.end), type: 'ORG' })),
  );
  // A title is a common noun: lowercase at a sentence's start too, unless it is an abbreviation.
  const lowerFirst = (role: string) => (/^\p{Lu}\p{Ll}/u.test(role) ? role[0]!.toLowerCase() + role.slice(1) : role);
  offices.forEach((office, index) =>
    proposals.push({
      type: 'HOLDS_OFFICE',
      from: office.person,
      to: office.jurisdiction,
      role: lowerFirst(roles[index]!),
      value: null,
      unit: null,
      excerpt: office.excerpt,
      confidence: 0.8,
    }),
  );
  return proposals;
}

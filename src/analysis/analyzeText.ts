import type { FactProposalModel } from '../models/FactProposalModel.js';
import type { MentionModel } from '../models/MentionModel.js';
import type { NameNormalizer } from '../nlp/createNameNormalizer.js';
import type { NlpClient, NlpEntitySpan } from '../nlp/NlpClient.js';
import type { KeyMatch, LinkRepository } from '../repositories/createLinkRepository.js';
import type { EntityKindName } from '../domain/entityKinds.js';
import { findLinkCandidates } from './findLinkCandidates.js';
import { findPatternSpans } from './findPatternSpans.js';
import { proposeFacts, TITLE, TITLE_PREFIX } from './proposeFacts.js';
import type { NlpToken } from '../nlp/NlpClient.js';
import type { TextSpanCandidate } from './TextSpanCandidate.js';

export interface AnalyzeTextOptions {
  /** Checked by `checkAnalysisInput`: non-empty, bounded, Russian or Kazakh. */
  text: string;
  nlp: Pick<NlpClient, 'analyze' | 'nominative'>;
  normalizer: NameNormalizer;
  links: LinkRepository;
}

export interface TextAnalysisModel {
  mentions: MentionModel[];
  proposals: FactProposalModel[];
}

/** The NER model's types as entity kinds: a place it finds is proposed as a region (cities and districts are regions here). */
const KIND_OF_NER_TYPE: Record<NlpEntitySpan['type'], EntityKindName> = {
  PER: 'PERSON',
  ORG: 'ORGANIZATION',
  LOC: 'REGION',
};
/** NER confidence by type, from natasha's reported news F1 (PER 0.97, LOC 0.93, ORG 0.86). */
const NER_CONFIDENCE: Record<NlpEntitySpan['type'], number> = { PER: 0.95, LOC: 0.9, ORG: 0.85 };
/** Keys shorter than this are not linked: «KZ», «RU» as words of a text name nothing reliably. */
const MIN_KEY_LENGTH = 3;
/** Words that say what an organization is, not which: a proposal adding only these to a known name is that name. */
const GENERIC_WORDS =
  /^(фонд|компани|холдинг|корпораци|групп|общество|ао|тоо|ооо|пао|нк|ақ|jsc|национальн|акционерн|товариществ|ограниченн|ответственност|с)/iu;

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;
const contains = (outer: { start: number; end: number }, inner: { start: number; end: number }) =>
  outer.start <= inner.start && inner.end <= outer.end;

/** The entity a span's keys name; with several, the one whose kind the finder expects, else the first by id. */
function chooseEntity(
  matches: KeyMatch[],
  kind: EntityKindName | null,
): { match: KeyMatch; ambiguous: boolean } | null {
  if (matches.length === 0) return null;
  const fitting = matches.filter((match) => match.kind === kind);
  const pool = fitting.length > 0 ? fitting : matches;
  return { match: pool[0]!, ambiguous: pool.length > 1 };
}

/** A NER span without the office titles it starts with («Аким» is tagged a place, «губернатора Воробьева» a person); null when nothing else is left. */
function withoutTitle(span: NlpEntitySpan, tokens: readonly NlpToken[]): NlpEntitySpan | null {
  const inside = tokens.filter((token) => token.start >= span.start && token.end <= span.end);
  const first = inside.findIndex((token) => !TITLE.test(token.text) && !TITLE_PREFIX.test(token.text));
  if (first < 0) return null;
  return { ...span, start: inside[first]!.start };
}

/**
 * Mentions of known entities and proposals of new ones, and the facts they seem to state, in four round trips: the
 * worker's tokens, sentences and NER spans; one `lemmas` request for every candidate span (n-grams, NER spans,
 * patterns) through the shared normalizer; one graph read for all their keys; one `nominative` request for the
 * proposals' names and the offices' titles. Overlapping known names resolve to the longest, so the most specific
 * entity wins («пресс-служба губернатора Московской области» is the press service, not the region).
 */
export async function analyzeText({ text, nlp, normalizer, links }: AnalyzeTextOptions): Promise<TextAnalysisModel> {
  const { tokens, sentences, entities } = await nlp.analyze(text);
  const found: TextSpanCandidate[] = [
    ...entities
      .flatMap((found) => withoutTitle(found, tokens) ?? [])
      .map((span): TextSpanCandidate => ({
        start: span.start,
        end: span.end,
        origin: 'ner',
        kind: KIND_OF_NER_TYPE[span.type],
        confidence: NER_CONFIDENCE[span.type],
      })),
    ...findPatternSpans(tokens),
  ];
  const candidates = [...findLinkCandidates(tokens, sentences), ...found];
  const normalized = await normalizer.normalizeNames(
    candidates.map((candidate) => text.slice(candidate.start, candidate.end)),
  );
  const keysOf = (index: number) =>
    [normalized[index]!.lemmaKey, normalized[index]!.surfaceKey].filter((key) => key.length >= MIN_KEY_LENGTH);
  const matches = await links.findByNameKeys(candidates.flatMap((_, index) => keysOf(index)));
  const byKey = new Map<string, KeyMatch[]>();
  for (const match of matches) for (const key of match.keys) byKey.set(key, [...(byKey.get(key) ?? []), match]);

  // Linked spans, longest first; a span inside an accepted one is dropped (the most specific entity wins).
  const linked = candidates
    .map((candidate, index) => {
      const entityMatches = [
        ...new Map(
          keysOf(index)
            .flatMap((key) => byKey.get(key) ?? [])
            .map((match) => [match.id, match]),
        ).values(),
      ];
      return { candidate, chosen: chooseEntity(entityMatches, candidate.kind) };
    })
    .filter((entry) => entry.chosen !== null)
    .sort(
      (a, b) =>
        b.candidate.end - b.candidate.start - (a.candidate.end - a.candidate.start) ||
        a.candidate.start - b.candidate.start,
    );
  const mentions: MentionModel[] = [];
  for (const { candidate, chosen } of linked) {
    if (mentions.some((mention) => overlaps(mention, candidate))) continue;
    mentions.push({
      start: candidate.start,
      end: candidate.end,
      text: text.slice(candidate.start, candidate.end),
      entityId: chosen!.match.id,
      proposedKind: null,
      proposedName: null,
      confidence: chosen!.ambiguous ? 0.5 : 0.95,
    });
  }

  // Proposals: spans of the NER model and the patterns that name nothing known; patterns before NER, longest first.
  const proposed: TextSpanCandidate[] = [];
  const byPreference = found
    .filter((candidate) => candidate.kind !== null)
    .sort((a, b) => (a.origin === b.origin ? b.end - b.start - (a.end - a.start) : a.origin === 'pattern' ? -1 : 1));
  for (const candidate of byPreference) {
    if (proposed.some((other) => overlaps(other, candidate))) continue;
    const inside = mentions.filter((mention) => overlaps(mention, candidate));
    if (inside.some((mention) => !contains(candidate, mention))) continue;
    if (inside.length > 0) {
      // Kept only when it says more than the known names inside it: «правительство Алматинской области», not «фонд «Самрук-Қазына»».
      let rest = text.slice(candidate.start, candidate.end);
      for (const mention of inside) rest = rest.replace(mention.text, ' ');
      const extra = (rest.match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => !GENERIC_WORDS.test(word));
      if (extra.length === 0) continue;
    }
    proposed.push(candidate);
  }
  const names = await nlp.nominative(
    proposed.map((span) => ({ text: text.slice(span.start, span.end), type: span.kind === 'PERSON' ? 'PER' : 'ORG' })),
  );
  proposed.forEach((span, index) =>
    mentions.push({
      start: span.start,
      end: span.end,
      text: text.slice(span.start, span.end),
      entityId: null,
      proposedKind: span.kind,
      proposedName: names[index]!,
      confidence: span.confidence,
    }),
  );
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  const proposals = await proposeFacts({
    text,
    tokens,
    sentences,
    mentions,
    kindOf: new Map(matches.map((match) => [match.id, match.kind])),
    nlp,
  });
  return { mentions, proposals };
}

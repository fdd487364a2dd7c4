import { createHash } from 'node:crypto';
import { slugify } from 'transliteration';
import { Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { kindPrefix, type EntityKindName } from '../domain/entityKinds.js';
import { KAZAKH_FOLD } from '../search/normalizeName.js';
import type { EntityModel } from '../models/EntityModel.js';
import type { FactProposalModel } from '../models/FactProposalModel.js';
import type { MentionModel } from '../models/MentionModel.js';
import type { ReviewMark, SourceDeclaration } from './sourceDocument.js';

/** The source block of a draft, as the editor gives it; `contentSha256` is computed from the text. */
export type DraftSource = Omit<SourceDeclaration, 'contentSha256' | 'note'> & { language: 'ru' | 'kk' };

export interface RenderSeedDraftOptions {
  /** The analysed text: every excerpt of the draft is a slice of it. */
  text: string;
  source: DraftSource;
  /** In text order, as `analyzeText` returns them. */
  mentions: readonly MentionModel[];
  proposals: readonly FactProposalModel[];
  /** The graph's entities that mentions link to, by id, with every name (a linked entity is declared with them). */
  known: ReadonlyMap<string, Pick<EntityModel, 'id' | 'kind' | 'names'>>;
  /** Ids the graph holds already (see `proposedIdCandidates`): a proposed entity never takes one of them. */
  taken: ReadonlySet<string>;
  /** The text file, named in the header. */
  textFile: string;
}

/** The longest excerpt the seed schema takes; a longer sentence is cut down to the span of the fact's mentions. */
const MAX_EXCERPT = 1000;
/** The shortest excerpt the seed schema takes; a shorter mention is quoted with the words around it. */
const MIN_EXCERPT = 3;
/** Suffixes tried after a proposed id the graph already holds: `person/ivan-petrov-2` … `-9`. */
const ID_SUFFIXES = ['', '-2', '-3', '-4', '-5', '-6', '-7', '-8', '-9'];

/** Attribute keys by the units the analysis reads, named as `seeds/` names them; the editor may rename. */
const KEY_OF_UNIT: Record<string, string> = {
  m2: 'area',
  ha: 'area',
  jobs: 'jobsCreated',
  RUB: 'investment',
  KZT: 'investment',
  USD: 'investment',
  '%': 'share',
  t: 'volume',
};
/** Units as `seeds/` writes them. */
const SEED_UNIT: Record<string, string> = { m2: 'm²' };

/**
 * A proposed entity's id before collisions: its kind's prefix and the transliterated name (`person/erlan-kasymov`),
 * Kazakh letters read as their Russian neighbours first (the transliteration writes «қ» as «k'»).
 */
export function proposedEntityId(kind: EntityKindName, name: string): string {
  const folded = [...name.toLowerCase()].map((letter) => KAZAKH_FOLD[letter] ?? letter).join('');
  const slug = slugify(folded, { lowercase: true, separator: '-', allowedChars: 'a-z0-9' })
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80)
    .replace(/-$/, '');
  return `${kindPrefix(kind)}/${slug === '' ? 'unnamed' : slug}`;
}

/** The ids a proposed entity may take, by preference; ask the graph which it holds, and pass those as `taken`. */
export function proposedIdCandidates(kind: EntityKindName, name: string): string[] {
  const base = proposedEntityId(kind, name);
  return ID_SUFFIXES.map((suffix) => base + suffix);
}

/** One line of a comment: a mention quoted with its spaces folded, so a line break in the text stays out of YAML. */
const quote = (text: string) => `«${text.replace(/\s+/g, ' ')}»`;

// The mark is each entry's second key: deleting its line leaves valid YAML (the first line carries the item's dash).
interface DraftEntity {
  id: string;
  review: ReviewMark;
  kind: EntityKindName;
  names: { en?: string; ru?: string; kk?: string };
  evidence: string[];
  attributes: DraftAttribute[];
  comment: string;
}
interface DraftAttribute {
  key: string;
  review: ReviewMark;
  value: number;
  unit?: string;
  basis: 'STATED';
  evidence: string[];
  comment: string;
}
interface DraftRelation {
  type: string;
  review: ReviewMark;
  from: string;
  to: string;
  role?: string;
  basis: 'STATED';
  evidence: string[];
  comment: string;
}

/**
 * A seed file drafted from a text analysis, as YAML: the source (with the text's SHA-256), one entity per linked or
 * proposed entity (linked ones under their graph ids, with their names from the graph), each proposed attribute
 * under its entity and each proposed relation. Every entry carries a `review` mark and a comment with the mention
 * and the confidence. Every excerpt is a slice of `text` at the offsets the analysis returned, never retyped.
 */
export function renderSeedDraft(options: RenderSeedDraftOptions): string {
  const { text, source, mentions, proposals, known, taken } = options;
  const slice = (span: { start: number; end: number }) => text.slice(span.start, span.end);
  const entities = new Map<string, DraftEntity>();
  // By offsets: a proposal's ends are mentions of the same analysis.
  const idOfSpan = new Map<string, string>();
  const spanKey = (span: { start: number; end: number }) => `${span.start}:${span.end}`;
  const usedIds = new Set<string>();

  for (const mention of mentions) {
    const evidence = mentionExcerpt(text, mention);
    if (mention.entityId !== null) {
      const entity = known.get(mention.entityId);
      if (!entity) continue;
      idOfSpan.set(spanKey(mention), entity.id);
      const names = Object.fromEntries(Object.entries(entity.names).filter(([, name]) => name !== null));
      addEntity(entities, {
        id: entity.id,
        review: 'linked',
        kind: entity.kind,
        names,
        evidence: [evidence],
        attributes: [],
        comment: `linked: ${quote(mention.text)} at ${mention.start}–${mention.end} is ${entity.id} (confidence ${mention.confidence})`,
      });
      continue;
    }
    if (mention.proposedKind === null || mention.proposedName === null) continue;
    const proposedKind = mention.proposedKind;
    const name = mention.proposedName;
    // The same kind and name proposed twice is one entity with two evidences.
    const same = [...entities.values()].find(
      (entity) =>
        entity.review === 'proposed' && entity.kind === proposedKind && entity.names[source.language] === name,
    );
    const candidates = proposedIdCandidates(proposedKind, name);
    const id =
      same?.id ??
      candidates.find((candidate) => !taken.has(candidate) && !usedIds.has(candidate)) ??
      `${candidates[0]}-${mention.start}`;
    usedIds.add(id);
    idOfSpan.set(spanKey(mention), id);
    const clash =
      candidates[0] !== id && taken.has(candidates[0]!)
        ? `; the graph has ${candidates[0]}: if it is the same, use that id`
        : '';
    addEntity(entities, {
      id,
      review: 'proposed',
      kind: proposedKind,
      names: { [source.language]: name },
      evidence: [evidence],
      attributes: [],
      comment: `proposed ${proposedKind.toLowerCase()} ${quote(name)} from ${quote(mention.text)} at ${mention.start}–${mention.end} (confidence ${mention.confidence})${clash}`,
    });
  }

  const relations = new Map<string, DraftRelation>();
  for (const proposal of proposals) {
    const from = idOfSpan.get(spanKey(proposal.from));
    if (from === undefined) continue;
    const to = proposal.to === null ? undefined : idOfSpan.get(spanKey(proposal.to));
    const excerpt = slice(factExcerpt(proposal));
    if (proposal.type === 'ATTRIBUTE' && proposal.value !== null) {
      const unit = proposal.unit === null ? undefined : (SEED_UNIT[proposal.unit] ?? proposal.unit);
      const key = (proposal.unit === null ? undefined : KEY_OF_UNIT[proposal.unit]) ?? 'figure';
      const entity = entities.get(from)!;
      const same = entity.attributes.find(
        (attribute) => attribute.key === key && attribute.value === proposal.value && attribute.unit === unit,
      );
      if (same) {
        if (!same.evidence.includes(excerpt)) same.evidence.push(excerpt);
        continue;
      }
      entity.attributes.push({
        key,
        review: 'proposed',
        value: proposal.value,
        ...(unit === undefined ? {} : { unit }),
        basis: 'STATED',
        evidence: [excerpt],
        comment: `proposed: ${proposal.value}${unit === undefined ? '' : ` ${unit}`} of ${quote(proposal.from.text)} (confidence ${proposal.confidence}); the key is read from the unit`,
      });
      continue;
    }
    if (to === undefined || to === from) continue;
    const role = proposal.role ?? undefined;
    const key = [proposal.type, from, to, role ?? ''].join('\u0000');
    const same = relations.get(key);
    if (same) {
      if (!same.evidence.includes(excerpt)) same.evidence.push(excerpt);
      continue;
    }
    relations.set(key, {
      type: proposal.type,
      review: 'proposed',
      from,
      to,
      ...(role === undefined ? {} : { role }),
      basis: 'STATED',
      evidence: [excerpt],
      comment: `proposed ${proposal.type}: ${quote(proposal.from.text)} → ${quote(proposal.to!.text)}${role === undefined ? '' : `, role ${quote(role)}`} (confidence ${proposal.confidence})`,
    });
  }

  return toYaml(options, [...entities.values()], [...relations.values()]);
}

/** Adds an entity, or a mention's evidence to the one already drafted under that id. */
function addEntity(entities: Map<string, DraftEntity>, entity: DraftEntity): void {
  const previous = entities.get(entity.id);
  if (!previous) return void entities.set(entity.id, entity);
  for (const excerpt of entity.evidence) if (!previous.evidence.includes(excerpt)) previous.evidence.push(excerpt);
}

/** A mention as its own evidence; one shorter than the schema takes («ЕС») is quoted with the words around it. */
function mentionExcerpt(text: string, mention: MentionModel): string {
  if (mention.text.trim().length >= MIN_EXCERPT) return mention.text;
  let start = mention.start;
  let end = mention.end;
  while (start > 0 && text.slice(start, mention.end).trim().length < MIN_EXCERPT + 8 && text[start - 1] !== '\n')
    start -= 1;
  while (end < text.length && text.slice(start, end).trim().length < MIN_EXCERPT + 16 && text[end] !== '\n') end += 1;
  return text.slice(start, end);
}

/** The sentence that states a fact; past MAX_EXCERPT, only the span from its first mention to its last. */
function factExcerpt(proposal: FactProposalModel): { start: number; end: number } {
  const { excerpt } = proposal;
  if (excerpt.end - excerpt.start <= MAX_EXCERPT) return excerpt;
  const ends = [proposal.from, ...(proposal.to ? [proposal.to] : [])];
  return {
    start: Math.min(...ends.map((mention) => mention.start)),
    end: Math.max(...ends.map((mention) => mention.end)),
  };
}

function toYaml(
  { text, source, textFile }: RenderSeedDraftOptions,
  entities: DraftEntity[],
  relations: DraftRelation[],
): string {
  const contentSha256 = createHash('sha256').update(text, 'utf8').digest('hex');
  const withoutComment = <T extends { comment: string }>({ comment: _, ...entry }: T) => entry;
  const document = new Document({
    source: { ...source, contentSha256 },
    entities: entities.map(({ attributes, ...entity }) => ({
      ...withoutComment(entity),
      ...(attributes.length > 0 ? { attributes: attributes.map(withoutComment) } : {}),
    })),
    relations: relations.map(withoutComment),
  });
  document.commentBefore = [
    ` Draft of ${source.id} from ${textFile}, written by \`npm run draft\`.`,
    ` Every entry marked "review" is what the text analysis proposed (a new entity or fact) or linked (a known entity,`,
    ` with its mention as evidence); the comment above it gives the mention and the confidence. Accept an entry by`,
    ` deleting its "review" line (after editing it if needed), or delete the entry: \`npm run seed\` refuses this file`,
    ` while a mark is left. Excerpts are spans of the text: shorten one only by cutting it, and check them with`,
    ` \`npm run verify-evidence -- ${source.id} <text file>\`.`,
  ].join('\n');
  const entityNodes = document.get('entities') as YAMLSeq<YAMLMap>;
  entityNodes.items.forEach((node, index) => {
    const entity = entities[index]!;
    node.commentBefore = ` ${entity.comment}`;
    (node.get('names') as YAMLMap).flow = true;
    const attributeNodes = node.get('attributes') as YAMLSeq<YAMLMap> | undefined;
    attributeNodes?.items.forEach((attributeNode, attributeIndex) => {
      attributeNode.commentBefore = ` ${entity.attributes[attributeIndex]!.comment}`;
    });
  });
  const relationNodes = document.get('relations') as YAMLSeq<YAMLMap>;
  relationNodes.items.forEach((node, index) => (node.commentBefore = ` ${relations[index]!.comment}`));
  return document.toString({ lineWidth: 0 });
}

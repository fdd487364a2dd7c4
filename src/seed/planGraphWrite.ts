import { createHash } from 'node:crypto';
import { normalizeName } from '../search/normalizeName.js';
import { kindPrefix, type EntityKindName } from '../domain/entityKinds.js';
import type { ExcerptOrigin, RelationOrigin } from '../domain/WriteProblem.js';
import { collectExcerpts } from './findMissingExcerpts.js';
import { dateBounds } from './dateBounds.js';
import type { BasisName, DatePrecisionName } from '../domain/howKnown.js';
import type { SourceDocument } from './sourceDocument.js';
import { SeedValidationError } from './SeedValidationError.js';
import { findPendingReviews } from './findPendingReviews.js';

/** Rows ready for batched `UNWIND … MERGE` writes; ids are content hashes, so the same input gives the same rows. */
export interface GraphWritePlan {
  excerpts: { id: string; sourceId: string; text: string }[];
  entities: EntityRow[];
  attributes: AttributeRow[];
  relations: RelationRow[];
  /** Entity ids that relations reference but no document declares: they must already be in the graph. */
  externalIds: string[];
  /** Where each relation came from, for error messages. */
  relationOrigins: Map<string, RelationOrigin>;
  /** Texts the documents give for their sources, by SHA-256 (the source's `contentSha256`): kept beside the sources. */
  sourceTexts: SourceTextRow[];
  /** Every excerpt quoted, where it is quoted and from which source: writers check them against kept texts. */
  quotes: Quote[];
}

export interface SourceTextRow {
  sha256: string;
  text: string;
}

/** An excerpt as a document quotes it, with the source it quotes. */
export interface Quote extends ExcerptOrigin {
  sourceId: string;
}

export interface EntityRow {
  id: string;
  kind: EntityKindName;
  label: string;
  nameEn: string | null;
  nameRu: string | null;
  nameKk: string | null;
  text: string | null;
  aliases: string[];
  evidenceIds: string[];
  searchKeys: string[];
  sourceProps: Record<string, string> | null;
}

export interface AttributeRow {
  id: string;
  entityId: string;
  key: string;
  value: string;
  number: number | null;
  unit: string | null;
  qualifier: string | null;
  evidenceIds: string[];
  basis: BasisName;
  inference: string | null;
  /** For a date value: its precision and bounds (see `dateBounds`); null otherwise. */
  precision: DatePrecisionName | null;
  earliest: string | null;
  latest: string | null;
}

export interface RelationRow {
  id: string;
  type: string;
  from: string;
  to: string;
  role: string | null;
  evidenceIds: string[];
  basis: BasisName;
  inference: string | null;
}

/**
 * How a fact stated by several claims is known: stated when any claim states it (its inference is then moot),
 * else inferred with the first reasoning given. Writers apply the same rule to stored facts (`MERGE_BASIS`).
 */
export function mergeBasis<T extends { basis: BasisName; inference: string | null }>(
  previous: T,
  next: T,
): Pick<T, 'basis' | 'inference'> {
  if (previous.basis === 'STATED' || next.basis === 'STATED') return { basis: 'STATED', inference: null };
  return { basis: 'INFERRED', inference: previous.inference ?? next.inference };
}

/** A stable id for content: `prefix/` and 16 hex digits of the SHA-256 of the parts. */
export function contentId(prefix: string, ...parts: (string | null | undefined)[]): string {
  const hash = createHash('sha256')
    .update(parts.map((part) => part ?? '').join('\u0000'))
    .digest('hex');
  return `${prefix}/${hash.slice(0, 16)}`;
}

/** The Neo4j label of a kind: `ORGANIZATION` → `Organization`. */
export function kindLabel(kind: EntityKindName): string {
  const prefix = kindPrefix(kind);
  return prefix[0]!.toUpperCase() + prefix.slice(1);
}

/**
 * Turns validated source documents into write rows. An entity declared in several documents is merged: names from
 * the last declaration that gives them, aliases and evidence united. A kind that differs between declarations, or
 * a relation to an entity of another kind than its id says, is refused with the file and entry named; so is every
 * entry of a draft still marked `review` (see `findPendingReviews`).
 */
export function planGraphWrite(documents: { file: string; document: SourceDocument }[]): GraphWritePlan {
  const excerpts = new Map<string, GraphWritePlan['excerpts'][number]>();
  const entities = new Map<string, EntityRow>();
  const attributes = new Map<string, AttributeRow>();
  const relations = new Map<string, RelationRow>();
  const relationOrigins = new Map<string, RelationOrigin>();
  const sourceTexts = new Map<string, SourceTextRow>();
  const quotes: Quote[] = [];
  const problems: string[] = [];

  for (const { file, document } of documents) {
    problems.push(...findPendingReviews(file, document));
    const sourceId = document.source.id;
    const excerptIds = (texts: string[]) =>
      texts.map((text) => {
        const id = contentId('excerpt', sourceId, text);
        excerpts.set(id, { id, sourceId, text });
        return id;
      });

    const { id, title, text: sourceText, ...metadata } = document.source;
    if (sourceText !== undefined && metadata.contentSha256 !== undefined)
      sourceTexts.set(metadata.contentSha256, { sha256: metadata.contentSha256, text: sourceText });
    for (const excerpt of collectExcerpts([{ file, document }], sourceId)) quotes.push({ ...excerpt, sourceId });
    mergeEntity(entities, {
      id,
      kind: 'SOURCE',
      label: kindLabel('SOURCE'),
      nameEn: title,
      nameRu: null,
      nameKk: null,
      text: null,
      aliases: [],
      evidenceIds: [],
      searchKeys: [normalizeName(title)],
      sourceProps: { title, ...(metadata as Record<string, string>) },
    });

    document.entities.forEach((entity, index) => {
      const known = entities.get(entity.id);
      if (known && known.kind !== entity.kind) {
        problems.push(
          `${file}: entities[${index}] (${entity.id}).kind: expected ${known.kind} as declared before, got ${entity.kind}`,
        );
        return;
      }
      const names = [entity.names.en, entity.names.ru, entity.names.kk, ...entity.aliases].filter(
        (name): name is string => Boolean(name),
      );
      mergeEntity(entities, {
        id: entity.id,
        kind: entity.kind,
        label: kindLabel(entity.kind),
        nameEn: entity.names.en ?? null,
        nameRu: entity.names.ru ?? null,
        nameKk: entity.names.kk ?? null,
        text: entity.text ?? null,
        aliases: entity.aliases,
        evidenceIds: excerptIds(entity.text ? [...entity.evidence, entity.text] : entity.evidence),
        searchKeys: names.map(normalizeName).filter((key) => key !== ''),
        sourceProps: null,
      });
      for (const attribute of entity.attributes) {
        const value = String(attribute.value);
        const bounds = typeof attribute.value === 'string' ? dateBounds(value, attribute.qualifier) : null;
        const row: AttributeRow = {
          id: contentId('attribute', entity.id, attribute.key, value, attribute.unit, attribute.qualifier),
          entityId: entity.id,
          key: attribute.key,
          value,
          number: typeof attribute.value === 'number' ? attribute.value : null,
          unit: attribute.unit ?? null,
          qualifier: attribute.qualifier ?? null,
          evidenceIds: excerptIds(attribute.evidence),
          basis: attribute.basis,
          inference: attribute.inference ?? null,
          precision: bounds?.precision ?? null,
          earliest: bounds?.earliest ?? null,
          latest: bounds?.latest ?? null,
        };
        const previous = attributes.get(row.id);
        attributes.set(
          row.id,
          previous
            ? { ...row, ...mergeBasis(previous, row), evidenceIds: union(previous.evidenceIds, row.evidenceIds) }
            : row,
        );
      }
    });

    document.relations.forEach((relation, index) => {
      const row: RelationRow = {
        id: contentId('relation', relation.type, relation.from, relation.to, relation.role),
        type: relation.type,
        from: relation.from,
        to: relation.to,
        role: relation.role ?? null,
        evidenceIds: excerptIds(relation.evidence),
        basis: relation.basis,
        inference: relation.inference ?? null,
      };
      const previous = relations.get(row.id);
      relations.set(
        row.id,
        previous
          ? { ...row, ...mergeBasis(previous, row), evidenceIds: union(previous.evidenceIds, row.evidenceIds) }
          : row,
      );
      if (!relationOrigins.has(row.id))
        relationOrigins.set(row.id, { file, index, type: relation.type, from: relation.from, to: relation.to });
    });
  }

  if (problems.length > 0) throw new SeedValidationError(problems);
  const declared = new Set(entities.keys());
  const externalIds = [...new Set([...relations.values()].flatMap((relation) => [relation.from, relation.to]))].filter(
    (id) => !declared.has(id),
  );
  return {
    excerpts: [...excerpts.values()],
    entities: [...entities.values()],
    attributes: [...attributes.values()],
    relations: [...relations.values()],
    externalIds,
    relationOrigins,
    sourceTexts: [...sourceTexts.values()],
    quotes,
  };
}

function mergeEntity(entities: Map<string, EntityRow>, row: EntityRow): void {
  const previous = entities.get(row.id);
  if (!previous) {
    entities.set(row.id, { ...row, aliases: union(row.aliases), searchKeys: union(row.searchKeys) });
    return;
  }
  entities.set(row.id, {
    ...previous,
    nameEn: row.nameEn ?? previous.nameEn,
    nameRu: row.nameRu ?? previous.nameRu,
    nameKk: row.nameKk ?? previous.nameKk,
    text: row.text ?? previous.text,
    aliases: union(previous.aliases, row.aliases),
    evidenceIds: union(previous.evidenceIds, row.evidenceIds),
    searchKeys: union(previous.searchKeys, row.searchKeys),
    sourceProps: row.sourceProps ?? previous.sourceProps,
  });
}

function union(...lists: string[][]): string[] {
  return [...new Set(lists.flat())];
}

import type { AttributeModel } from '../models/AttributeModel.js';
import type { BasisName } from '../seed/sourceDocument.js';
import type { EntityModel } from '../models/EntityModel.js';
import type { RelationModel } from '../models/RelationModel.js';
import { kindOfId } from '../seed/sourceDocument.js';
import { cypherList } from './cypherList.js';
import { SOURCE_METADATA, type ProjectionShape } from './ProjectionShape.js';

// Rows travel as lists, not maps: Bolt sends and the driver decodes every map key of every row again, which was
// most of the cost of reading a page of entities with their relations.

/**
 * An entity as `entityProjection` lists it; values after `names` may be missing, and read as null. Its kind is not
 * read: the id names it (`kindOfId`).
 */
export type EntityRow = [
  id: string,
  names: NamesRow,
  aliases?: string[] | null,
  evidenceIds?: string[] | null,
  text?: string | null,
  signedOn?: string | null,
  title?: string | null,
  publisher?: string | null,
  publishedOn?: string | null,
  language?: string | null,
  url?: string | null,
  contentSha256?: string | null,
];

/**
 * An entity's names: all three (EN, RU, KK), or only the first it has in that order (the order `entityName` falls
 * back in), prefixed with its language (`ruМосква`), which is all that `name` without a language needs; null when
 * it has none.
 */
export type NamesRow = [en: string | null, ru: string | null, kk: string | null] | string | null;

/** Cypher list of the entity node bound to `variable`, read back by `toEntityModel`; values `shape` rules out are null. */
export function entityProjection(variable: string, shape: ProjectionShape): string {
  // Each property read is a store access, and one of an absent property walks all of the node's properties: values
  // the shape rules out are literal nulls, names past the first one present are not read, and only agreements
  // are asked for a signing date.
  const v = variable;
  const read = (expression: string, wanted: boolean) => (wanted ? expression : 'null');
  const names = shape.localizedNames ? `[${v}.nameEn, ${v}.nameRu, ${v}.nameKk]` : `coalesce('en' + ${v}.nameEn, 'ru' + ${v}.nameRu, 'kk' + ${v}.nameKk)`;
  return cypherList([
    `${v}.id`,
    names,
    read(`${v}.aliases`, shape.aliases),
    read(`${v}.evidenceIds`, shape.entityEvidence),
    read(`${v}.text`, shape.text),
    read(`CASE WHEN ${v}:Agreement AND ${v}.signedEarliest = ${v}.signedOn THEN ${v}.signedOn END`, shape.signedOn),
    ...SOURCE_METADATA.map((property) => read(`${v}.${property}`, shape.sourceMetadata)),
  ]);
}

/** A relation as `relationProjection` lists it; a missing `evidenceIds` reads as null. */
export type RelationRow = [
  id: string,
  type: string,
  fromId: string,
  toId: string,
  role: string | null,
  evidenceIds?: string[] | null,
  basis?: string | null,
  inference?: string | null,
];

/** Cypher list of the relationship bound to `variable`, read back by `toRelationModel`; `evidenceIds` only where `shape` asks. */
export function relationProjection(variable: string, shape: ProjectionShape): string {
  const v = variable;
  return cypherList([
    `${v}.id`,
    `type(${v})`,
    `startNode(${v}).id`,
    `endNode(${v}).id`,
    `${v}.role`,
    shape.relationEvidence ? `${v}.evidenceIds` : 'null',
    `${v}.basis`,
    `${v}.inference`,
  ]);
}

/** An attribute as `attributeProjection` lists it. */
export type AttributeRow = [
  id: string,
  entityId: string,
  key: string,
  value: string,
  number: number | null,
  unit: string | null,
  qualifier: string | null,
  evidenceIds: string[] | null,
  basis?: string | null,
  inference?: string | null,
  precision?: string | null,
  earliest?: string | null,
  latest?: string | null,
];

/** Cypher list of the attribute node bound to `variable`, read back by `toAttributeModel`. */
export const attributeProjection = (variable: string): string =>
  `[${['id', 'entityId', 'key', 'value', 'number', 'unit', 'qualifier', 'evidenceIds', 'basis', 'inference', 'precision', 'earliest', 'latest']
    .map((property) => `${variable}.${property}`)
    .join(', ')}]`;

/** Maps a projected entity row to the plain model resolvers use. */
export function toEntityModel(row: EntityRow): EntityModel {
  const [id, names, aliases, evidenceIds, text, signedOn, title, publisher, publishedOn, language, url, contentSha256] = row;
  const kind = kindOfId(id);
  const model = toNames(names);
  return {
    id,
    kind,
    names: model,
    aliases: aliases ?? [],
    evidenceIds: evidenceIds ?? [],
    text: text ?? null,
    signedOn: signedOn ?? null,
    source:
      kind === 'SOURCE'
        ? {
            title: title ?? model.en ?? id,
            publisher: publisher ?? null,
            publishedOn: publishedOn ?? '',
            language: language ?? '',
            url: url ?? null,
            contentSha256: contentSha256 ?? null,
          }
        : null,
  };
}

function toNames(names: NamesRow): EntityModel['names'] {
  if (typeof names !== 'string') {
    const [en, ru, kk] = names ?? [null, null, null];
    return { en, ru, kk };
  }
  const language = names.slice(0, 2);
  const name = names.slice(2);
  return { en: language === 'en' ? name : null, ru: language === 'ru' ? name : null, kk: language === 'kk' ? name : null };
}

/** Maps a projected relation row; a missing evidence list becomes empty. */
export function toRelationModel([id, type, fromId, toId, role, evidenceIds, basis, inference]: RelationRow): RelationModel {
  return { id, type, fromId, toId, role, evidenceIds: evidenceIds ?? [], basis: toBasis(basis), inference: inference ?? null };
}

/** A stored basis; facts written before `basis` existed (migration 5 backfills them) read as stated. */
export function toBasis(basis: string | null | undefined): BasisName {
  return basis === 'INFERRED' ? 'INFERRED' : 'STATED';
}

/** Maps a projected attribute row. */
export function toAttributeModel([id, entityId, key, value, number, unit, qualifier, evidenceIds, basis, inference, precision, earliest, latest]: AttributeRow): AttributeModel {
  return {
    id,
    entityId,
    key,
    value,
    number,
    unit,
    qualifier,
    evidenceIds: evidenceIds ?? [],
    basis: toBasis(basis),
    inference: inference ?? null,
    precision: precision === 'DAY' || precision === 'MONTH' || precision === 'YEAR' ? precision : null,
    earliest: earliest ?? null,
    latest: latest ?? null,
  };
}

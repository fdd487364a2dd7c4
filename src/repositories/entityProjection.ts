import type { AttributeModel } from '../models/AttributeModel.js';
import type { BasisName, DatePrecisionName } from '../domain/howKnown.js';
import type { EntityModel } from '../models/EntityModel.js';
import type { RelationModel } from '../models/RelationModel.js';
import { kindOfId } from '../domain/entityKinds.js';
import { SOURCE_METADATA, type ProjectionShape } from './ProjectionShape.js';

import { defineColumns, type Row } from './defineColumns.js';

// Rows travel as lists, not maps: Bolt sends and the driver decodes every map key of every row again, which was
// most of the cost of reading a page of entities with their relations.

/**
 * An entity as `entityProjection` lists it; values after `names` may be left out by the shape, and read as null.
 * Its kind is not read: the id names it (`kindOfId`). Source metadata columns follow `SOURCE_METADATA`.
 */
export interface EntityColumns {
  id: string;
  names: NamesRow;
  aliases: string[] | null;
  evidenceIds: string[] | null;
  text: string | null;
  signedOn: string | null;
  title: string | null;
  publisher: string | null;
  publishedOn: string | null;
  language: string | null;
  url: string | null;
  contentSha256: string | null;
  textLength: number | null;
}

export const ENTITY_COLUMNS = defineColumns<EntityColumns>({
  id: 'always',
  names: 'always',
  aliases: 'optional',
  evidenceIds: 'optional',
  text: 'optional',
  signedOn: 'optional',
  title: 'optional',
  publisher: 'optional',
  publishedOn: 'optional',
  language: 'optional',
  url: 'optional',
  contentSha256: 'optional',
  textLength: 'optional',
});

export type EntityRow = Row<EntityColumns>;

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
  const read = (expression: string, wanted: boolean) => (wanted ? expression : null);
  const metadata = (property: (typeof SOURCE_METADATA)[number]) => read(`${v}.${property}`, shape.sourceMetadata);
  return ENTITY_COLUMNS.list({
    id: `${v}.id`,
    names: shape.localizedNames
      ? `[${v}.nameEn, ${v}.nameRu, ${v}.nameKk]`
      : `coalesce('en' + ${v}.nameEn, 'ru' + ${v}.nameRu, 'kk' + ${v}.nameKk)`,
    aliases: read(`${v}.aliases`, shape.aliases),
    evidenceIds: read(`${v}.evidenceIds`, shape.entityEvidence),
    text: read(`${v}.text`, shape.text),
    signedOn: read(
      `CASE WHEN ${v}:Agreement AND ${v}.signedEarliest = ${v}.signedOn THEN ${v}.signedOn END`,
      shape.signedOn,
    ),
    title: metadata('title'),
    publisher: metadata('publisher'),
    publishedOn: metadata('publishedOn'),
    language: metadata('language'),
    url: metadata('url'),
    contentSha256: metadata('contentSha256'),
    textLength: metadata('textLength'),
  });
}

/** A relation as `relationProjection` lists it; `evidenceIds` only where the shape asks. */
export interface RelationColumns {
  id: string;
  type: string;
  fromId: string;
  toId: string;
  role: string | null;
  evidenceIds: string[] | null;
  basis: string | null;
  inference: string | null;
}

export const RELATION_COLUMNS = defineColumns<RelationColumns>({
  id: 'always',
  type: 'always',
  fromId: 'always',
  toId: 'always',
  role: 'always',
  evidenceIds: 'optional',
  basis: 'always',
  inference: 'always',
});

export type RelationRow = Row<RelationColumns>;

/** Cypher list of the relationship bound to `variable`, read back by `toRelationModel`; `evidenceIds` only where `shape` asks. */
export function relationProjection(variable: string, shape: ProjectionShape): string {
  const v = variable;
  return RELATION_COLUMNS.list({
    id: `${v}.id`,
    type: `type(${v})`,
    fromId: `startNode(${v}).id`,
    toId: `endNode(${v}).id`,
    role: `${v}.role`,
    evidenceIds: shape.relationEvidence ? `${v}.evidenceIds` : null,
    basis: `${v}.basis`,
    inference: `${v}.inference`,
  });
}

/** An attribute as `attributeProjection` lists it. */
export interface AttributeColumns {
  id: string;
  entityId: string;
  key: string;
  value: string;
  number: number | null;
  unit: string | null;
  qualifier: string | null;
  evidenceIds: string[] | null;
  basis: string | null;
  inference: string | null;
  precision: string | null;
  earliest: string | null;
  latest: string | null;
}

export const ATTRIBUTE_COLUMNS = defineColumns<AttributeColumns>({
  id: 'always',
  entityId: 'always',
  key: 'always',
  value: 'always',
  number: 'always',
  unit: 'always',
  qualifier: 'always',
  evidenceIds: 'always',
  basis: 'always',
  inference: 'always',
  precision: 'always',
  earliest: 'always',
  latest: 'always',
});

export type AttributeRow = Row<AttributeColumns>;

/** Cypher list of the attribute node bound to `variable`, read back by `toAttributeModel`: every property of the same name. */
export function attributeProjection(variable: string): string {
  return ATTRIBUTE_COLUMNS.list(
    Object.fromEntries(ATTRIBUTE_COLUMNS.names.map((name) => [name, `${variable}.${name}`])) as Record<
      keyof AttributeColumns,
      string
    >,
  );
}

const entity = ENTITY_COLUMNS.read;

/** Maps a projected entity row to the plain model resolvers use. */
export function toEntityModel(row: EntityRow): EntityModel {
  const id = entity.id(row);
  const kind = kindOfId(id);
  const names = toNames(entity.names(row));
  return {
    id,
    kind,
    names,
    aliases: entity.aliases(row) ?? [],
    evidenceIds: entity.evidenceIds(row) ?? [],
    text: entity.text(row),
    signedOn: entity.signedOn(row),
    source:
      kind === 'SOURCE'
        ? {
            title: entity.title(row) ?? names.en ?? id,
            publisher: entity.publisher(row),
            publishedOn: entity.publishedOn(row) ?? '',
            language: entity.language(row) ?? '',
            url: entity.url(row),
            contentSha256: entity.contentSha256(row),
            textLength: entity.textLength(row),
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
  return {
    en: language === 'en' ? name : null,
    ru: language === 'ru' ? name : null,
    kk: language === 'kk' ? name : null,
  };
}

const relation = RELATION_COLUMNS.read;

/** Maps a projected relation row; a missing evidence list becomes empty. */
export function toRelationModel(row: RelationRow): RelationModel {
  return {
    id: relation.id(row),
    type: relation.type(row),
    fromId: relation.fromId(row),
    toId: relation.toId(row),
    role: relation.role(row),
    evidenceIds: relation.evidenceIds(row) ?? [],
    basis: toBasis(relation.basis(row)),
    inference: relation.inference(row),
  };
}

/** A stored precision, or null for a value that is no date. */
function toPrecision(precision: string | null): DatePrecisionName | null {
  return precision === 'DAY' || precision === 'MONTH' || precision === 'YEAR' ? precision : null;
}

/** A stored basis; facts written before `basis` existed (a migration backfills them) read as stated. */
export function toBasis(basis: string | null | undefined): BasisName {
  return basis === 'INFERRED' ? 'INFERRED' : 'STATED';
}

const attribute = ATTRIBUTE_COLUMNS.read;

/** Maps a projected attribute row; a missing evidence list becomes empty. */
export function toAttributeModel(row: AttributeRow): AttributeModel {
  return {
    id: attribute.id(row),
    entityId: attribute.entityId(row),
    key: attribute.key(row),
    value: attribute.value(row),
    number: attribute.number(row),
    unit: attribute.unit(row),
    qualifier: attribute.qualifier(row),
    evidenceIds: attribute.evidenceIds(row) ?? [],
    basis: toBasis(attribute.basis(row)),
    inference: attribute.inference(row),
    precision: toPrecision(attribute.precision(row)),
    earliest: attribute.earliest(row),
    latest: attribute.latest(row),
  };
}

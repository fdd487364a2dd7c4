import type { AttributeModel } from '../models/AttributeModel.js';
import type { EntityModel } from '../models/EntityModel.js';
import type { RelationModel } from '../models/RelationModel.js';
import type { EntityKindName } from '../seed/sourceDocument.js';
import { SOURCE_METADATA, type ProjectionShape } from './ProjectionShape.js';

// Rows travel as lists, not maps: Bolt sends and the driver decodes every map key of every row again, which was
// most of the cost of reading a page of entities with their relations.

/** An entity as `entityProjection` lists it. */
export type EntityRow = [
  id: string,
  kind: EntityKindName,
  nameEn: string | null,
  nameRu: string | null,
  nameKk: string | null,
  aliases: string[] | null,
  evidenceIds: string[] | null,
  text: string | null,
  signedOn: string | null,
  title: string | null,
  publisher: string | null,
  publishedOn: string | null,
  language: string | null,
  url: string | null,
  contentSha256: string | null,
];

/** Cypher list of the entity node bound to `variable`, read back by `toEntityModel`; values `shape` rules out are null. */
export function entityProjection(variable: string, shape: ProjectionShape): string {
  // Each property read is a store access even where the property is absent, so values the shape rules out are
  // literal nulls.
  const v = variable;
  const read = (property: string, wanted: boolean) => (wanted ? `${v}.${property}` : 'null');
  const source = SOURCE_METADATA.map((property) => read(property, shape.sourceMetadata));
  return `[${v}.id, ${v}.kind, ${v}.nameEn, ${v}.nameRu, ${v}.nameKk, ${read('aliases', shape.aliases)}, ${read('evidenceIds', shape.entityEvidence)}, ${read('text', shape.text)}, ${read('signedOn', shape.signedOn)}, ${source.join(', ')}]`;
}

/** A relation as `relationProjection` lists it. */
export type RelationRow = [id: string, type: string, fromId: string, toId: string, role: string | null, evidenceIds: string[] | null];

/** Cypher list of the relationship bound to `variable`, read back by `toRelationModel`; `evidenceIds` only where `shape` asks. */
export function relationProjection(variable: string, shape: ProjectionShape): string {
  const v = variable;
  return `[${v}.id, type(${v}), startNode(${v}).id, endNode(${v}).id, ${v}.role, ${shape.relationEvidence ? `${v}.evidenceIds` : 'null'}]`;
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
];

/** Cypher list of the attribute node bound to `variable`, read back by `toAttributeModel`. */
export const attributeProjection = (variable: string): string =>
  `[${['id', 'entityId', 'key', 'value', 'number', 'unit', 'qualifier', 'evidenceIds'].map((property) => `${variable}.${property}`).join(', ')}]`;

/** Maps a projected entity row to the plain model resolvers use. */
export function toEntityModel(row: EntityRow): EntityModel {
  const [id, kind, nameEn, nameRu, nameKk, aliases, evidenceIds, text, signedOn, title, publisher, publishedOn, language, url, contentSha256] = row;
  return {
    id,
    kind,
    names: { en: nameEn, ru: nameRu, kk: nameKk },
    aliases: aliases ?? [],
    evidenceIds: evidenceIds ?? [],
    text,
    signedOn,
    source:
      kind === 'SOURCE'
        ? { title: title ?? nameEn ?? id, publisher, publishedOn: publishedOn ?? '', language: language ?? '', url, contentSha256 }
        : null,
  };
}

/** Maps a projected relation row; a missing evidence list becomes empty. */
export function toRelationModel([id, type, fromId, toId, role, evidenceIds]: RelationRow): RelationModel {
  return { id, type, fromId, toId, role, evidenceIds: evidenceIds ?? [] };
}

/** Maps a projected attribute row. */
export function toAttributeModel([id, entityId, key, value, number, unit, qualifier, evidenceIds]: AttributeRow): AttributeModel {
  return { id, entityId, key, value, number, unit, qualifier, evidenceIds: evidenceIds ?? [] };
}

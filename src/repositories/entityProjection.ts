import type { EntityModel } from '../models/EntityModel.js';
import type { RelationModel } from '../models/RelationModel.js';
import type { EntityKindName } from '../seed/sourceDocument.js';

/** Cypher map projection of the entity node bound to `variable`, read back by `toEntityModel`. */
export const entityProjection = (variable: string): string =>
  `${variable} {.id, .kind, .nameEn, .nameRu, .nameKk, .aliases, .evidenceIds, .text, .title, .publisher, .publishedOn, .language, .url, .contentSha256, .signedOn}`;

/** Cypher map projection of an entity node `n`, read back by `toEntityModel`. */
export const ENTITY_PROJECTION = entityProjection('n');

/** Cypher map of a relation `r` between `a` (start) and `b` (end), read back by `toRelationModel`. */
export const RELATION_PROJECTION = '{id: r.id, type: type(r), fromId: startNode(r).id, toId: endNode(r).id, role: r.role, evidenceIds: r.evidenceIds}';

export interface EntityRow {
  id: string;
  kind: EntityKindName;
  nameEn: string | null;
  nameRu: string | null;
  nameKk: string | null;
  aliases: string[] | null;
  evidenceIds: string[] | null;
  text: string | null;
  title: string | null;
  publisher: string | null;
  publishedOn: string | null;
  language: string | null;
  url: string | null;
  contentSha256: string | null;
  signedOn: string | null;
}

/** Maps a projected entity row to the plain model resolvers use. */
export function toEntityModel(row: EntityRow): EntityModel {
  return {
    id: row.id,
    kind: row.kind,
    names: { en: row.nameEn ?? null, ru: row.nameRu ?? null, kk: row.nameKk ?? null },
    aliases: row.aliases ?? [],
    evidenceIds: row.evidenceIds ?? [],
    text: row.text ?? null,
    signedOn: row.signedOn ?? null,
    source:
      row.kind === 'SOURCE'
        ? {
            title: row.title ?? row.nameEn ?? row.id,
            publisher: row.publisher ?? null,
            publishedOn: row.publishedOn ?? '',
            language: row.language ?? '',
            url: row.url ?? null,
            contentSha256: row.contentSha256 ?? null,
          }
        : null,
  };
}

/** Maps a projected relation row; a missing role or evidence list becomes null or empty. */
export function toRelationModel(row: RelationModel): RelationModel {
  return { ...row, role: row.role ?? null, evidenceIds: row.evidenceIds ?? [] };
}

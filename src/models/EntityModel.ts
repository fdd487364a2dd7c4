import type { EntityKindName } from '../domain/entityKinds.js';

/** An entity as stored: one `:Entity` node. Kind-specific values live in `attributes` or relations. */
export interface EntityModel {
  id: string;
  kind: EntityKindName;
  /** Only the first of EN, RU, KK it has unless the operation reads names by language (see `ProjectionShape`). */
  names: { en: string | null; ru: string | null; kk: string | null };
  /** Empty unless the operation selects `aliases` (see `ProjectionShape`). */
  aliases: string[];
  /** Empty unless the operation selects an entity's `evidence` field (see `ProjectionShape`). */
  evidenceIds: string[];
  /**
   * Signing date as stored on the node (the first unretracted `signedOn` attribute); agreements only, and null
   * unless the operation selects `signedOn` (see `ProjectionShape`).
   */
  signedOn: string | null;
  /** Verbatim text; statements only, and null unless the operation selects `text`. */
  text: string | null;
  /** Source metadata; sources only. Its values are empty unless the operation selects one of them. */
  source: SourceMetadata | null;
}

export interface SourceMetadata {
  title: string;
  publisher: string | null;
  publishedOn: string;
  language: string;
  url: string | null;
  contentSha256: string | null;
  /** Length of the text kept with the source (UTF-16 code units); null when none is kept. */
  textLength: number | null;
}

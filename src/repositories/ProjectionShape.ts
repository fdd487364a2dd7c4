/**
 * Which optional values of entities and relations an operation can read. The values it cannot read are not fetched
 * and read as empty (lists) or null; build one per request from the operation (`projectionShapeOf`), before any read.
 */
export interface ProjectionShape {
  /**
   * Every name of an entity, not only the first it has of EN, RU, KK (which `name` without a language answers):
   * for `names`, or any field given a `lang` (`name(lang:)`, `network(lang:)`).
   */
  localizedNames: boolean;
  /** Entity `aliases`. */
  aliases: boolean;
  /** `evidenceIds` of entities. */
  entityEvidence: boolean;
  /** `evidenceIds` of relations (and of the parties, participations and offices read from them). */
  relationEvidence: boolean;
  /** A relation's `id` (`Relation.id`); parties, participations and offices have none. */
  relationIds: boolean;
  /** A statement's `text`. */
  text: boolean;
  /** An agreement's `signedOn`. */
  signedOn: boolean;
  /** A source's metadata: the `SOURCE_METADATA` fields. */
  sourceMetadata: boolean;
  /**
   * The sources that evidence cites, as entities: some `Evidence.source` selection asks for more than `id`. Without
   * it, `source` answers a reference built from the excerpt's source id; an excerpt stands only while its source
   * does (`RETRACT_EXCERPTS_OF_RETRACTED_SOURCES`), so the reference needs no read.
   */
  evidenceSources: boolean;
}

/** A source's metadata fields, named alike as GraphQL fields and as node properties, in `EntityRow` order. */
export const SOURCE_METADATA = [
  'title',
  'publisher',
  'publishedOn',
  'language',
  'url',
  'contentSha256',
  'textLength',
] as const;

/** Nothing optional: where an operation starts from before its fields are read (`projectionShapeOf`). */
export const EMPTY_PROJECTION: ProjectionShape = {
  localizedNames: false,
  aliases: false,
  entityEvidence: false,
  relationEvidence: false,
  relationIds: false,
  text: false,
  signedOn: false,
  sourceMetadata: false,
  evidenceSources: false,
};

/** Everything: for reads outside a GraphQL operation. */
export const FULL_PROJECTION: ProjectionShape = {
  localizedNames: true,
  aliases: true,
  entityEvidence: true,
  relationEvidence: true,
  relationIds: true,
  text: true,
  signedOn: true,
  sourceMetadata: true,
  evidenceSources: true,
};

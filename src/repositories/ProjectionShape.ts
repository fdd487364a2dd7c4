/**
 * Which optional values of entities and relations an operation can read. The values it cannot read are not fetched
 * and read as empty (lists) or null; build one per request from the operation (`projectionShapeOf`), before any read.
 */
export interface ProjectionShape {
  /** Entity `aliases`. */
  aliases: boolean;
  /** `evidenceIds` of entities and relations. */
  evidence: boolean;
  /** A statement's `text`. */
  text: boolean;
  /** An agreement's `signedOn`. */
  signedOn: boolean;
  /** A source's metadata: `title`, `publisher`, `publishedOn`, `language`, `url`, `contentSha256`. */
  sourceMetadata: boolean;
}

/** Everything: for reads outside a GraphQL operation. */
export const FULL_PROJECTION: ProjectionShape = { aliases: true, evidence: true, text: true, signedOn: true, sourceMetadata: true };

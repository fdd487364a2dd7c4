/**
 * Which optional lists of entities and relations an operation can read. The lists it cannot read are not fetched
 * and read as empty; build one per request from the operation (`projectionShapeOf`), before any read.
 */
export interface ProjectionShape {
  /** Entity `aliases`. */
  aliases: boolean;
  /** `evidenceIds` of entities and relations. */
  evidence: boolean;
}

/** Everything: for reads outside a GraphQL operation. */
export const FULL_PROJECTION: ProjectionShape = { aliases: true, evidence: true };

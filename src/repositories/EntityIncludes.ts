import type { RelationDirection } from '../domain/RelationQuery.js';

/**
 * What to read in the same round trip as an entity, so that its nested fields find their data already loaded.
 * Every part reads exactly what the matching loader would read for that entity (same filters, order and limit).
 * Plans are shared between requests (see `planIncludes`), hence read-only.
 */
export interface EntityIncludes {
  /** Relations of given shapes, each with the entity at its other end. */
  readonly relations: readonly RelationInclude[];
  /** The entity's unretracted attributes. */
  readonly attributes: boolean;
  /** With `attributes`: the excerpts behind each attribute, with their sources. */
  readonly attributeEvidence: boolean;
  /** The excerpts behind the entity, with their sources. */
  readonly evidence: boolean;
  /** The nearest country the entity lies in (`PART_OF`), and what to read with it; null: not asked. */
  readonly country: EntityIncludes | null;
}

/** Relations of one shape, as `RelationQuery` asks for them, plus what to read with the entities at their other ends. */
export interface RelationInclude {
  /** Sorted; null: any type. */
  readonly types: readonly string[] | null;
  readonly direction: RelationDirection;
  readonly first: number;
  /** The excerpts behind each relation, with their sources. */
  readonly evidence: boolean;
  readonly end: EntityIncludes;
}

/** Nothing to read beyond the entity itself. */
export const NO_INCLUDES: EntityIncludes = {
  relations: [],
  attributes: false,
  attributeEvidence: false,
  evidence: false,
  country: null,
};

export function includesNothing(includes: EntityIncludes): boolean {
  return includes.relations.length === 0 && !includes.attributes && !includes.evidence && includes.country === null;
}

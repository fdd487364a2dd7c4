import type { BasisName } from '../domain/howKnown.js';

/** A stated relationship between two entities, with the excerpts that state it. */
export interface RelationModel {
  /** Empty when read along with an entity by an operation that does not select `Relation.id` (see `ProjectionShape`). */
  id: string;
  type: string;
  fromId: string;
  toId: string;
  role: string | null;
  /** Empty unless the operation selects `evidence` of a relation, party, participation or office (see `ProjectionShape`). */
  evidenceIds: string[];
  basis: BasisName;
  /** The reasoning, when `basis` is INFERRED. */
  inference: string | null;
}

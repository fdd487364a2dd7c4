import type { BasisName, DatePrecisionName } from '../domain/howKnown.js';

/** A typed figure or property of one entity, with the excerpts that state it and how it is known. */
export interface AttributeModel {
  id: string;
  entityId: string;
  key: string;
  value: string;
  number: number | null;
  unit: string | null;
  qualifier: string | null;
  evidenceIds: string[];
  basis: BasisName;
  /** The reasoning, when `basis` is INFERRED. */
  inference: string | null;
  /** For a date value: its precision and bounds (null: unbounded); null otherwise. */
  precision: DatePrecisionName | null;
  earliest: string | null;
  latest: string | null;
}

import type { AttributeModel } from './AttributeModel.js';

/**
 * Whether another claim for the same key of the same entity contradicts `attribute`: a different value, unit or
 * qualifier, except that two dates disagree only when their intervals cannot overlap (`on or before 2025-09-09` and
 * `2025-09-09` both hold).
 */
export function isDisputed(attribute: AttributeModel, siblings: readonly AttributeModel[]): boolean {
  return siblings.some(
    (other) => other.id !== attribute.id && other.key === attribute.key && contradicts(attribute, other),
  );
}

function contradicts(a: AttributeModel, b: AttributeModel): boolean {
  if (a.precision !== null && b.precision !== null) return !overlaps(a, b);
  return a.value !== b.value || a.unit !== b.unit || a.qualifier !== b.qualifier;
}

/** ISO dates compare as text; a missing bound is open. */
function overlaps(a: AttributeModel, b: AttributeModel): boolean {
  const startsBeforeBEnds = a.earliest === null || b.latest === null || a.earliest <= b.latest;
  const startsBeforeAEnds = b.earliest === null || a.latest === null || b.earliest <= a.latest;
  return startsBeforeBEnds && startsBeforeAEnds;
}

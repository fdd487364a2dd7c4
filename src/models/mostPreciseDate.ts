import type { AttributeModel } from './AttributeModel.js';

/**
 * The most precise of an entity's claims for a date key: the narrowest interval, unbounded ones last, then by id
 * (the order `MOST_PRECISE_FIRST` gives the stored signing bounds). Null when no claim has the key.
 */
export function mostPreciseDate(attributes: readonly AttributeModel[], key: string): AttributeModel | null {
  const claims = attributes.filter((attribute) => attribute.key === key);
  claims.sort((a, b) => width(a) - width(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return claims[0] ?? null;
}

/** The day, when a claim knows it to the day (its interval is one day and no other claim disputes it); else null. */
export function knownDay(claim: AttributeModel | null, disputed: boolean): string | null {
  if (claim === null || disputed) return null;
  if (claim.precision === null) return /^\d{4}-\d{2}-\d{2}$/.test(claim.value) ? claim.value : null;
  return claim.earliest !== null && claim.earliest === claim.latest ? claim.earliest : null;
}

function width(claim: AttributeModel): number {
  if (claim.precision === null) return 0;
  if (claim.earliest === null || claim.latest === null) return Number.POSITIVE_INFINITY;
  return (Date.parse(claim.latest) - Date.parse(claim.earliest)) / 86_400_000;
}

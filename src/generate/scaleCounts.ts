/** How many entities of each kind, and how many source documents, a synthetic graph of a given scale has. */
export interface ScaleCounts {
  documents: number;
  countries: number;
  regions: number;
  organizations: number;
  people: number;
  events: number;
  agreements: number;
  projects: number;
  statements: number;
}

/**
 * Scale 1 is about 1,000 entities and 5,000 relations; everything grows linearly with `scale` except countries,
 * which grow with its square root up to 200. One source document per 100 entities.
 */
export function scaleCounts(scale: number): ScaleCounts {
  if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError(`scale must be a positive number, got ${scale}`);
  const units = 1000 * scale;
  const count = (share: number, minimum: number) => Math.max(minimum, Math.round(units * share));
  return {
    documents: count(0.01, 1),
    countries: Math.max(3, Math.min(200, Math.round(10 * Math.sqrt(scale)))),
    regions: count(0.06, 6),
    organizations: count(0.2, 12),
    people: count(0.14, 8),
    events: count(0.05, 4),
    agreements: count(0.3, 10),
    projects: count(0.04, 2),
    statements: count(0.2, 4),
  };
}

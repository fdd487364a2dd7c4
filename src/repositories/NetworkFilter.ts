import type { EntityKindName } from '../domain/entityKinds.js';

/**
 * Narrows a network: what is left out is neither drawn nor walked through, so the answer is the neighbourhood in
 * the graph that remains. The start entities are always kept. Null means no condition.
 */
export interface NetworkFilter {
  /** Only relations of these types. */
  types: readonly string[] | null;
  /** Only entities of these kinds are reached. */
  kinds: readonly EntityKindName[] | null;
  /** Entities of these kinds are not reached (such as STATEMENT). */
  excludeKinds: readonly EntityKindName[] | null;
  /**
   * Only relations dated in this range, ISO-8601 dates, both ends included. A relation's date is the signing date
   * of the agreement at one of its ends (PARTY_TO, SIGNED_AT, CONCERNS…); undated relations always match, since most
   * (BASED_IN, LOCATED_IN, HOLDS_OFFICE) state lasting facts. A month-only date matches when it overlaps the range.
   */
  from: string | null;
  to: string | null;
}

export const NO_NETWORK_FILTER: NetworkFilter = { types: null, kinds: null, excludeKinds: null, from: null, to: null };

/** True when the filter narrows nothing, so the unfiltered (cheaper) expansion answers. */
export function isEmptyNetworkFilter(filter: NetworkFilter): boolean {
  return (
    filter.types === null &&
    filter.kinds === null &&
    filter.excludeKinds === null &&
    filter.from === null &&
    filter.to === null
  );
}

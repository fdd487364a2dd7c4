/**
 * Recomputes the signing bounds on the entities `$entityIds` from their most precise unretracted `signedOn`
 * attribute (`MOST_PRECISE_FIRST`; the one `Agreement.signedDate` answers): `signedOn` is the last day it can have been signed (`latest`; for a legacy attribute without bounds,
 * its value) and `signedEarliest` the first (null: unbounded). Both are removed when no such attribute is left.
 * Agreement pages sort on `signedOn` (index `agreement_signed_on`, migration 4) and filter on both, so every write
 * or retraction of a `signedOn` attribute must run it in the same transaction. `Agreement.signedOn` answers only
 * when the two are equal: a date known to the day.
 */
/**
 * ORDER BY keys putting the most precise of several date claims first: the narrowest interval, an unbounded one
 * last, then by id. `mostPreciseDate` orders the same way for the API.
 */
export const MOST_PRECISE_FIRST = (x: string) =>
  `CASE WHEN ${x}.precision IS NULL THEN 0 WHEN ${x}.earliest IS NULL OR ${x}.latest IS NULL THEN null
        ELSE duration.inDays(date(${x}.earliest), date(${x}.latest)).days END, ${x}.id`;

export const SET_SIGNED_ON = `UNWIND $entityIds AS id
  MATCH (n:Entity {id: id})
  WITH n, COLLECT {
    MATCH (x:Attribute {entityId: id, key: 'signedOn'}) WHERE x.retractedAt IS NULL
    RETURN x ORDER BY ${MOST_PRECISE_FIRST('x')} LIMIT 1
  }[0] AS x
  SET n.signedOn = CASE WHEN x IS NULL THEN null WHEN x.precision IS NULL THEN x.value ELSE x.latest END,
      n.signedEarliest = CASE WHEN x IS NULL THEN null WHEN x.precision IS NULL THEN x.value ELSE x.earliest END`;

/** The distinct entities whose `signedOn` attributes are among `attributes`. */
export function entitiesWithSignedOn(attributes: readonly { entityId: string; key: string }[]): string[] {
  return [
    ...new Set(attributes.filter((attribute) => attribute.key === 'signedOn').map((attribute) => attribute.entityId)),
  ];
}

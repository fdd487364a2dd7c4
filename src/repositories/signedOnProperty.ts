/**
 * Recomputes `signedOn` on the entities `$entityIds`: the value of the first (by id) unretracted `signedOn`
 * attribute, the one the API's `signedOn` field shows; removed when none is left. Agreement pages sort on this
 * property (index `agreement_signed_on`, migration 4), so every write or retraction of a `signedOn` attribute
 * must run it in the same transaction.
 */
export const SET_SIGNED_ON = `UNWIND $entityIds AS id
  MATCH (n:Entity {id: id})
  SET n.signedOn = COLLECT {
    MATCH (x:Attribute {entityId: id, key: 'signedOn'}) WHERE x.retractedAt IS NULL RETURN x.value ORDER BY x.id LIMIT 1
  }[0]`;

/** The distinct entities whose `signedOn` attributes are among `attributes`. */
export function entitiesWithSignedOn(attributes: readonly { entityId: string; key: string }[]): string[] {
  return [...new Set(attributes.filter((attribute) => attribute.key === 'signedOn').map((attribute) => attribute.entityId))];
}

import type { GraphChangeModel } from '../models/GraphChangeModel.js';
import type { Database } from '../neo4j/Database.js';

/**
 * Up to `limit` changes recorded at or after `since` (ISO-8601), oldest first, leaving out the ids in `skip` (those
 * already announced) before any other work, each naming the entities it touched directly, through the ends of its
 * relations, and through the owners of its attributes.
 */
export async function readChangesSince(
  db: Database,
  since: string,
  skip: readonly string[],
  limit: number,
): Promise<GraphChangeModel[]> {
  const rows = await db.read<{ change: GraphChangeModel }>(
    `MATCH (c:Change) WHERE c.at >= datetime($since)
     WITH c, coalesce(c.id, elementId(c)) AS id
     WHERE NOT id IN $skip
     ORDER BY c.at ASC, id ASC
     LIMIT $limit
     WITH c, id, coalesce(c.relationIds, []) AS relationIds, coalesce(c.attributeIds, []) AS attributeIds
     CALL (relationIds) {
       // Relationship ids are not indexed (types are open-ended): only changes that name relations scan them.
       OPTIONAL MATCH (a:Entity)-[r]->(b:Entity) WHERE size(relationIds) > 0 AND r.id IN relationIds
       RETURN collect(a.id) + collect(b.id) AS relationEnds
     }
     CALL (attributeIds) {
       OPTIONAL MATCH (attribute:Attribute) WHERE attribute.id IN attributeIds
       RETURN collect(attribute.entityId) AS attributeOwners
     }
     WITH c, id, relationIds, attributeIds, coalesce(c.entityIds, []) + relationEnds + attributeOwners AS touched
     RETURN {id: id, operation: coalesce(c.operation, 'unknown'), at: toString(c.at),
             entityIds: reduce(unique = [], entityId IN touched | CASE WHEN entityId IN unique THEN unique ELSE unique + entityId END),
             relationIds: relationIds, attributeIds: attributeIds} AS change
     ORDER BY c.at ASC, id ASC`,
    { since, skip, limit },
  );
  return rows.map((row) => row.change);
}

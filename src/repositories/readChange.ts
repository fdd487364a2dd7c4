import type { ChangeModel } from '../models/ChangeModel.js';
import type { Database } from '../neo4j/Database.js';

/** The change with the given id; null when none has it (a write that never landed). */
export async function readChange(db: Database, id: string): Promise<ChangeModel | null> {
  const [row] = await db.read<{ change: ChangeModel }>(
    `MATCH (c:Change {id: $id})
     RETURN {id: c.id, actor: coalesce(c.actor, 'unknown'), operation: coalesce(c.operation, 'unknown'), at: toString(c.at),
             entityIds: coalesce(c.entityIds, []), relationIds: coalesce(c.relationIds, []),
             attributeIds: coalesce(c.attributeIds, []), reason: c.reason} AS change
     LIMIT 1`,
    { id },
  );
  return row?.change ?? null;
}

import type { ChangeModel } from '../models/ChangeModel.js';
import type { Database } from '../neo4j/Database.js';
import { CHANGE_COLUMNS, changeProjection, type ChangeRow } from './changeProjection.js';

/** Where a page of changes starts: after the change at `at` with id `id`. */
export interface ChangeCursor {
  at: string;
  id: string;
}

/**
 * Up to `first + 1` changes, newest first, then by id descending, after `after` (the extra row tells whether there
 * is a next page). Changes written before ids existed are named by their element id.
 */
export async function readChanges(db: Database, first: number, after: ChangeCursor | null): Promise<ChangeModel[]> {
  const rows = await db.read<{ change: ChangeRow }>(
    `MATCH (c:Change)
     WITH c, coalesce(c.id, elementId(c)) AS id
     WHERE $afterAt IS NULL OR c.at < datetime($afterAt) OR (c.at = datetime($afterAt) AND id < $afterId)
     RETURN ${changeProjection('c', 'id')} AS change
     ORDER BY c.at DESC, id DESC
     LIMIT $limit`,
    { afterAt: after?.at ?? null, afterId: after?.id ?? null, limit: first + 1 },
  );
  return rows.map((row) => CHANGE_COLUMNS.decode(row.change));
}

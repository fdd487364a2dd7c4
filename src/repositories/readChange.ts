import type { ChangeModel } from '../models/ChangeModel.js';
import type { Database } from '../neo4j/Database.js';
import { CHANGE_COLUMNS, changeProjection, type ChangeRow } from './changeProjection.js';

/** The change with the given id; null when none has it (a write that never landed). */
export async function readChange(db: Database, id: string): Promise<ChangeModel | null> {
  const [row] = await db.read<{ change: ChangeRow }>(
    `MATCH (c:Change {id: $id})
     RETURN ${changeProjection('c', 'c.id')} AS change
     LIMIT 1`,
    { id },
  );
  return row ? CHANGE_COLUMNS.decode(row.change) : null;
}

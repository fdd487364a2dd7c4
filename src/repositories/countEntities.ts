import type { Database } from '../neo4j/Database.js';

/** How many entities the graph holds. */
export async function countEntities(db: Database): Promise<number> {
  const [row] = await db.read<{ count: number }>('MATCH (n:Entity) RETURN count(n) AS count');
  return row?.count ?? 0;
}

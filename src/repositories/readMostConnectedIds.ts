import type { Database } from '../neo4j/Database.js';

/** Ids of the `first` unretracted non-source entities with the most relations to other entities, ties by id. */
export async function readMostConnectedIds(db: Database, first: number): Promise<string[]> {
  const rows = await db.read<{ id: string }>(
    `MATCH (n:Entity) WHERE n.retractedAt IS NULL AND n.kind <> 'SOURCE'
     WITH n, COUNT { (n)--(other:Entity) WHERE other.retractedAt IS NULL } AS degree
     ORDER BY degree DESC, n.id ASC
     LIMIT $first
     RETURN n.id AS id`,
    { first },
  );
  return rows.map((row) => row.id);
}

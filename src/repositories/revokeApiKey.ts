import type { Database } from '../neo4j/Database.js';

/** Marks the key named `name` revoked (it is kept for the audit trail); returns how many keys were revoked. */
export async function revokeApiKey(db: Database, name: string): Promise<number> {
  return db.write(async (tx) => {
    const result = await tx.run<{ revoked: number }>(
      'MATCH (k:ApiKey {name: $name}) WHERE k.revokedAt IS NULL SET k.revokedAt = datetime() RETURN count(k) AS revoked',
      { name },
    );
    return result.records[0]?.get('revoked') ?? 0;
  });
}

import type { Database } from '../neo4j/Database.js';

/** A stored API key, without its hash. */
export interface ApiKeyRecord {
  id: string;
  name: string;
  role: string;
  revoked: boolean;
}

/** The `(:ApiKey)` whose hash is `hash`, or null. `(:ApiKey)` nodes have no relationships and no `:Entity` label, so reads never see them. */
export async function findApiKeyByHash(db: Database, hash: string): Promise<ApiKeyRecord | null> {
  const [row] = await db.read<{ key: ApiKeyRecord }>(
    `MATCH (k:ApiKey {hash: $hash}) RETURN {id: k.id, name: k.name, role: k.role, revoked: k.revokedAt IS NOT NULL} AS key`,
    { hash },
  );
  return row?.key ?? null;
}

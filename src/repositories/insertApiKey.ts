import { randomUUID } from 'node:crypto';
import type { Database } from '../neo4j/Database.js';
import type { ApiKeyRecord } from './findApiKeyByHash.js';

export interface NewApiKey {
  name: string;
  role: string;
  /** SHA-256 of the key; the key itself is never stored. */
  hash: string;
  createdBy: string;
}

/** Stores a new `(:ApiKey)`; the `api_key_hash` constraint refuses a duplicate hash. */
export async function insertApiKey(db: Database, key: NewApiKey): Promise<ApiKeyRecord> {
  const id = randomUUID();
  await db.write((tx) =>
    tx.run(
      `CREATE (:ApiKey {id: $id, name: $name, role: $role, hash: $hash, createdBy: $createdBy, createdAt: datetime()})`,
      { id, ...key },
    ),
  );
  return { id, name: key.name, role: key.role, revoked: false };
}

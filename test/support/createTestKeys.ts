import type { Driver } from 'neo4j-driver';
import { generateApiKey } from '../../src/auth/generateApiKey.js';
import type { Role } from '../../src/auth/Role.js';
import { createDatabase } from '../../src/neo4j/Database.js';
import { insertApiKey } from '../../src/repositories/insertApiKey.js';

/** One fresh API key per role, stored as `(:ApiKey)` nodes (not entities: graph digests do not see them). */
export async function createTestKeys(driver: Driver, label: string): Promise<Record<Role, string>> {
  const db = createDatabase({ driver });
  const keys = {} as Record<Role, string>;
  for (const role of ['reader', 'editor', 'admin'] as const) {
    const { key, hash } = generateApiKey();
    await insertApiKey(db, { name: `${label} ${role}`, role, hash, createdBy: 'test' });
    keys[role] = key;
  }
  return keys;
}

export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

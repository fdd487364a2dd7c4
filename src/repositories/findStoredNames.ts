import type { Database } from '../neo4j/Database.js';
import type { EntityKindName } from '../domain/entityKinds.js';

/** What the graph holds of an entity a write refers to without restating it: its kind and names. */
export interface StoredNames {
  id: string;
  kind: EntityKindName;
  names: { en?: string; ru?: string; kk?: string };
}

/**
 * The kind and names of each entity among `ids` that exists and is not retracted, by id: a write that keeps an
 * entity's names restates them as stored, so nothing is renamed.
 */
export async function findStoredNames(db: Database, ids: readonly string[]): Promise<Map<string, StoredNames>> {
  if (ids.length === 0) return new Map();
  const rows = await db.read<{
    id: string;
    kind: EntityKindName;
    en: string | null;
    ru: string | null;
    kk: string | null;
  }>(
    `UNWIND $ids AS id
     MATCH (n:Entity {id: id}) WHERE n.retractedAt IS NULL AND n.kind <> 'SOURCE'
     RETURN n.id AS id, n.kind AS kind, n.nameEn AS en, n.nameRu AS ru, n.nameKk AS kk`,
    { ids: [...new Set(ids)] },
  );
  return new Map(
    rows.map(({ id, kind, en, ru, kk }) => [
      id,
      { id, kind, names: { ...(en ? { en } : {}), ...(ru ? { ru } : {}), ...(kk ? { kk } : {}) } },
    ]),
  );
}

import type { Database } from '../neo4j/Database.js';
import type { EntityKindName } from '../domain/entityKinds.js';

/** An entity one of the asked keys names: its id, kind, and which of the keys matched. */
export interface KeyMatch {
  id: string;
  kind: EntityKindName;
  keys: string[];
}

/** Finds the entities whose names or aliases have one of the given keys, for linking the mentions of a text. */
export interface LinkRepository {
  findByNameKeys(keys: readonly string[]): Promise<KeyMatch[]>;
}

/** Kinds a text's mention is never linked to: sources and statements are cited, not named. */
const UNLINKED_KINDS: readonly EntityKindName[] = ['SOURCE', 'STATEMENT'];

/**
 * One read for all the keys of a text: the keys are compared with each entity's `lemmaKeys` (dictionary forms) and
 * `searchKeys` (names as written). Neither list property is indexed for membership, so this scans the entities
 * once; the key set is a parameter, never query text.
 */
export function createLinkRepository(db: Database): LinkRepository {
  return {
    async findByNameKeys(keys) {
      if (keys.length === 0) return [];
      return db.read<KeyMatch>(
        `MATCH (n:Entity) WHERE n.retractedAt IS NULL AND NOT n.kind IN $unlinked
         WITH n, [key IN coalesce(n.lemmaKeys, []) + coalesce(n.searchKeys, []) WHERE key IN $keys] AS hits
         WHERE size(hits) > 0
         RETURN n.id AS id, n.kind AS kind, hits AS keys
         ORDER BY n.id`,
        { keys: [...new Set(keys)], unlinked: UNLINKED_KINDS },
      );
    },
  };
}

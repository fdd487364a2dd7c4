import type { NameNormalizer } from '../nlp/createNameNormalizer.js';
import type { Database } from '../neo4j/Database.js';
import { NEEDS_LEMMAS, SEARCH_TEXT } from './mergeStatements.js';

/** Entities normalized per round: one worker request and one write each. */
const BATCH = 500;

/**
 * Writes the lemma keys (`normalizeNames` of every name and alias) of the entities marked NeedsLemmas, in batches,
 * and unmarks them; their full-text `searchText` then covers the dictionary forms. Returns how many it refreshed.
 * Rejects with NlpUnavailableError when the worker is down (the marks stay for the next run).
 */
export async function refreshNameLemmas(db: Database, normalizer: NameNormalizer): Promise<number> {
  let refreshed = 0;
  for (;;) {
    const rows = await db.read<{ id: string; names: string[] }>(
      `MATCH (n:${NEEDS_LEMMAS}) WITH n LIMIT $batch
       RETURN n.id AS id, [name IN [n.nameEn, n.nameRu, n.nameKk] + coalesce(n.aliases, []) WHERE name IS NOT NULL] AS names`,
      { batch: BATCH },
    );
    if (rows.length === 0) return refreshed;
    const names = rows.flatMap((row) => row.names);
    const normalized = await normalizer.normalizeNames(names);
    let at = 0;
    const updates = rows.map((row) => {
      const keys = normalized.slice(at, (at += row.names.length)).map((name) => name.lemmaKey);
      return { id: row.id, lemmaKeys: [...new Set(keys.filter((key) => key !== ''))], names: row.names };
    });
    // Matched through the Entity id constraint: no index covers the mark, and a scan per row is quadratic.
    // An entity renamed meanwhile keeps its mark: its names no longer equal the ones normalized.
    await db.write((tx) =>
      tx.run(
        `UNWIND $updates AS update
       MATCH (n:Entity {id: update.id})
       WHERE n:${NEEDS_LEMMAS} AND [name IN [n.nameEn, n.nameRu, n.nameKk] + coalesce(n.aliases, []) WHERE name IS NOT NULL] = update.names
       SET n.lemmaKeys = update.lemmaKeys
       SET n.searchText = ${SEARCH_TEXT('n')}
       REMOVE n:${NEEDS_LEMMAS}`,
        { updates },
      ),
    );
    refreshed += rows.length;
  }
}

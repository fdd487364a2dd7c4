import type { Driver } from 'neo4j-driver';
import { MIGRATIONS, type Migration } from './migrations.js';

/**
 * Applies every migration not yet recorded, in version order, and waits for indexes to come online.
 * Schema statements cannot share a transaction with data writes in Neo4j, so each statement runs on its own;
 * all are idempotent (`IF NOT EXISTS`, backfills that compute the same value again), so an interrupted run is
 * finished by the next one. Statements run as auto-commit queries so that a backfill may use `CALL … IN TRANSACTIONS`.
 */
export async function runMigrations(
  driver: Driver,
  database?: string,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  const { records } = await driver.executeQuery('MATCH (m:Migration) RETURN m.version AS version', {}, { database });
  const applied = new Set(records.map((record) => Number(record.get('version'))));
  const pending = [...migrations]
    .filter((migration) => !applied.has(migration.version))
    .sort((a, b) => a.version - b.version);
  for (const migration of pending) {
    for (const statement of migration.statements) {
      const session = driver.session({ database });
      try {
        await session.run(statement);
      } finally {
        await session.close();
      }
    }
    await driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database });
    await driver.executeQuery(
      'MERGE (m:Migration {version: $version}) ON CREATE SET m.name = $name, m.appliedAt = datetime()',
      { version: migration.version, name: migration.name },
      { database },
    );
  }
  return pending.map((migration) => migration.version);
}

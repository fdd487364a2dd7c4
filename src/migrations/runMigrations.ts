import type { Driver } from 'neo4j-driver';
import { MIGRATIONS, type Migration } from './migrations.js';

export interface MigrationOptions {
  /**
   * Versions whose data statements (backfills) are skipped, their schema statements still run: for a store written
   * whole in the form those backfills produce, such as a fresh offline import, where they would only rewrite it.
   */
  dataAlreadyCurrent?: readonly number[];
}

/** Statements that create a constraint or an index, as opposed to data statements. */
const SCHEMA_STATEMENT = /^\s*CREATE\s+(?:\w+\s+)?(?:CONSTRAINT|INDEX)\b/i;

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
  options: MigrationOptions = {},
): Promise<number[]> {
  const skipData = new Set(options.dataAlreadyCurrent ?? []);
  const { records } = await driver.executeQuery('MATCH (m:Migration) RETURN m.version AS version', {}, { database });
  const applied = new Set(records.map((record) => Number(record.get('version'))));
  const pending = [...migrations]
    .filter((migration) => !applied.has(migration.version))
    .sort((a, b) => a.version - b.version);
  for (const migration of pending) {
    for (const statement of migration.statements) {
      if (skipData.has(migration.version) && !SCHEMA_STATEMENT.test(statement)) continue;
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

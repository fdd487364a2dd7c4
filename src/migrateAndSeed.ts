import type { Driver } from 'neo4j-driver';
import { runMigrations } from './migrations/runMigrations.js';
import { createDatabase } from './neo4j/Database.js';
import { countEntities } from './repositories/countEntities.js';
import { loadSeeds } from './loadSeeds.js';

/** Applies pending migrations, then loads `seeds/` when asked to and the graph is empty. Returns what was loaded. */
export async function migrateAndSeed(driver: Driver, database: string | undefined, seedOnEmpty: boolean) {
  await runMigrations(driver, database);
  const db = createDatabase({ driver, database });
  if (!seedOnEmpty || (await countEntities(db)) > 0) return null;
  return loadSeeds(db);
}

import { ConfigError, loadConfig } from '../config.js';
import { runMigrations } from '../migrations/runMigrations.js';
import { connectNeo4j } from '../neo4j/connectNeo4j.js';
import { createDatabase } from '../neo4j/Database.js';
import { StartupError } from '../neo4j/StartupError.js';
import { readGraphDigest } from '../repositories/readGraphDigest.js';
import { loadSeeds, SEEDS_DIR } from '../loadSeeds.js';
import { SeedValidationError } from '../seed/SeedValidationError.js';
import { WriteRefusedError } from '../domain/WriteRefusedError.js';

/** `npm run seed [-- DIR]`: validates and loads every seed file in one transaction, then prints the graph's digest. */
async function main(): Promise<void> {
  const directory = process.argv[2] ?? SEEDS_DIR;
  const config = loadConfig();
  const neo4j = await connectNeo4j(config, (message) => console.log(message));
  try {
    await runMigrations(neo4j.driver, config.NEO4J_DATABASE);
    const db = createDatabase({ driver: neo4j.driver, database: config.NEO4J_DATABASE });
    const counts = await loadSeeds(db, directory, process.env.USER ?? 'seed');
    const digest = await readGraphDigest(db);
    console.log(
      `Loaded ${counts.files} file(s): ${counts.entities} entities, ${counts.attributes} attributes, ${counts.relations} relations, ${counts.excerpts} excerpts.`,
    );
    console.log(
      `Graph: ${digest.entities} entities, ${digest.relations} relations, ${digest.attributes} attributes, ${digest.excerpts} excerpts; sha256 ${digest.sha256}`,
    );
  } finally {
    await neo4j.close();
  }
}

main().catch((error: unknown) => {
  const expected =
    error instanceof SeedValidationError ||
    error instanceof WriteRefusedError ||
    error instanceof StartupError ||
    error instanceof ConfigError;
  console.error(expected ? (error as Error).message : error);
  process.exit(1);
});

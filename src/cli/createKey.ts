import { parseArgs } from 'node:util';
import { generateApiKey } from '../auth/generateApiKey.js';
import { isRole, ROLES } from '../auth/Role.js';
import { ConfigError, loadConfig } from '../config.js';
import { runMigrations } from '../migrations/runMigrations.js';
import { connectNeo4j } from '../neo4j/connectNeo4j.js';
import { createDatabase } from '../neo4j/Database.js';
import { StartupError } from '../neo4j/StartupError.js';
import { insertApiKey } from '../repositories/insertApiKey.js';
import { revokeApiKey } from '../repositories/revokeApiKey.js';

const USAGE = `Usage:
  npm run create-key -- --role editor --name "Newsroom X"   prints a new key once; only its SHA-256 is stored
  npm run create-key -- --revoke "Newsroom X"               revokes every key with that name
Roles: ${ROLES.join(', ')}. While the server runs the embedded Neo4j, point this command at it: NEO4J_URI=bolt://localhost:7687.`;

/** `npm run create-key`: creates (or revokes) an API key stored as `(:ApiKey)` in Neo4j. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      name: { type: 'string' },
      revoke: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const revoke = values.revoke?.trim();
  const name = values.name?.trim();
  if (!revoke && (!isRole(values.role) || !name)) {
    console.error(`Expected --role (${ROLES.join(', ')}) and a non-empty --name.\n\n${USAGE}`);
    process.exit(2);
  }
  const config = loadConfig();
  const neo4j = await connectNeo4j(config);
  try {
    await runMigrations(neo4j.driver, config.NEO4J_DATABASE);
    const db = createDatabase({ driver: neo4j.driver, database: config.NEO4J_DATABASE });
    if (revoke) {
      console.log(`Revoked ${await revokeApiKey(db, revoke)} key(s) named "${revoke}".`);
      return;
    }
    const { key, hash } = generateApiKey();
    const record = await insertApiKey(db, {
      name: name!,
      role: values.role!,
      hash,
      createdBy: process.env.USER ?? 'cli',
    });
    // The key alone goes to stdout, so `KEY=$(npm run -s create-key -- …)` captures it; the notice goes to stderr.
    console.error(
      `Created ${record.role} key "${record.name}" (id ${record.id}). Store it now; it is not shown again.`,
    );
    console.log(key);
  } finally {
    await neo4j.close();
  }
}

main().catch((error: unknown) => {
  const expected = error instanceof StartupError || error instanceof ConfigError;
  console.error(expected ? (error as Error).message : error);
  process.exit(1);
});

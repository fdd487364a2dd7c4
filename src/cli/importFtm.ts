import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { FtmInputError } from '../ftm/FtmInputError.js';
import { importFtm } from '../ftm/importFtm.js';
import { runMigrations } from '../migrations/runMigrations.js';
import { connectNeo4j } from '../neo4j/connectNeo4j.js';
import { createDatabase } from '../neo4j/Database.js';
import { StartupError } from '../neo4j/StartupError.js';
import { readGraphDigest } from '../repositories/readGraphDigest.js';
import { SeedValidationError } from '../seed/SeedValidationError.js';

const USAGE = `Usage:
  npm run import:ftm -- FILE.jsonl --source-id source/my-ftm-file [--title T] [--published-on YYYY-MM-DD]
                        [--language en] [--publisher P] [--url URL]
Reads FollowTheMoney entities (JSON lines) into the graph as one source. Defaults: --title "FollowTheMoney entities
from FILE", --published-on the file's modification date, --language en. While the server runs the embedded Neo4j,
point this command at it: NEO4J_URI=bolt://localhost:7687.`;

/** `npm run import:ftm`: imports an FtM file as a source, idempotently; prints what was written and the digest. */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'source-id': { type: 'string' },
      title: { type: 'string' },
      'published-on': { type: 'string' },
      language: { type: 'string' },
      publisher: { type: 'string' },
      url: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const file = positionals[0];
  if (!file || positionals.length > 1 || !values['source-id']) {
    console.error(`Expected one FILE and --source-id.\n\n${USAGE}`);
    process.exit(2);
  }
  const text = await readFile(file, 'utf8');
  const source = {
    id: values['source-id'],
    title: values.title ?? `FollowTheMoney entities from ${path.basename(file)}`,
    publishedOn: values['published-on'] ?? (await stat(file)).mtime.toISOString().slice(0, 10),
    language: values.language ?? 'en',
    ...(values.publisher ? { publisher: values.publisher } : {}),
    ...(values.url ? { url: values.url } : {}),
  };
  const config = loadConfig();
  const neo4j = await connectNeo4j(config, (message) => console.error(message));
  try {
    await runMigrations(neo4j.driver, config.NEO4J_DATABASE);
    const db = createDatabase({ driver: neo4j.driver, database: config.NEO4J_DATABASE });
    const before = await readGraphDigest(db);
    const counts = await importFtm(db, { text, source, actor: process.env.USER ?? 'import-ftm' });
    const after = await readGraphDigest(db);
    console.log(
      `Read ${counts.entities - 1} entities and ${counts.relations} relations as ${source.id} (${counts.excerpts} excerpts).`,
    );
    const skipped = Object.entries(counts.skipped);
    if (skipped.length > 0)
      console.log(`Left out: ${skipped.map(([schema, count]) => `${count} ${schema}`).join(', ')}.`);
    console.log(
      before.sha256 === after.sha256
        ? `Graph unchanged: ${after.entities} entities, ${after.relations} relations; sha256 ${after.sha256}`
        : `Graph: ${after.entities} entities (+${after.entities - before.entities}), ${after.relations} relations (+${after.relations - before.relations}), ${after.excerpts} excerpts (+${after.excerpts - before.excerpts}); sha256 ${after.sha256}`,
    );
  } finally {
    await neo4j.close();
  }
}

main().catch((error: unknown) => {
  const expected =
    error instanceof FtmInputError ||
    error instanceof SeedValidationError ||
    error instanceof StartupError ||
    error instanceof ConfigError;
  console.error(expected ? (error as Error).message : error);
  process.exit(1);
});

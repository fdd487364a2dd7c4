/**
 * `npm run draft -- <article.txt> --source-id source/slug --title "…" --published YYYY-MM-DD [--publisher …]
 * [--url …] [--language ru|kk] [--out seeds/file.yaml]`: analyses the text against the graph (the embedded Neo4j
 * when NEO4J_URI is unset) and writes a seed draft whose proposals await review (see `renderSeedDraft`).
 * Exit 0 with a summary; 1 when Neo4j or the text-analysis worker is unavailable or the text is refused; 2 on bad
 * arguments, an unreadable text file or an existing output file.
 */
import { access, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { GraphQLError } from 'graphql';
import { ConfigError, loadConfig } from '../config.js';
import { WriteRefusedError } from '../domain/WriteRefusedError.js';
import { SEEDS_DIR } from '../loadSeeds.js';
import { migrateAndSeed } from '../migrateAndSeed.js';
import { connectNeo4j } from '../neo4j/connectNeo4j.js';
import { createDatabase } from '../neo4j/Database.js';
import { StartupError } from '../neo4j/StartupError.js';
import { superviseNlpWorker } from '../nlp/superviseNlpWorker.js';
import { findPendingReviews } from '../seed/findPendingReviews.js';
import { parseSourceDocument } from '../seed/readSourceDocuments.js';
import type { DraftSource } from '../seed/renderSeedDraft.js';
import { SeedValidationError } from '../seed/SeedValidationError.js';
import { sourceSchema } from '../seed/sourceDocument.js';
import { draftSeed } from './draftSeed.js';

const USAGE =
  'Usage: npm run draft -- <article.txt> --source-id source/slug --title "…" --published YYYY-MM-DD [--publisher …] [--url …] [--language ru|kk] [--out seeds/file.yaml]';
/** How long one analysis may take: a long article is analysed in one worker request. */
const ANALYSIS_TIMEOUT_MS = 60_000;

/** A mistake in the command line: printed with the usage, exit 2. */
class UsageError extends Error {}

process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
  const expected =
    error instanceof StartupError ||
    error instanceof ConfigError ||
    error instanceof SeedValidationError ||
    error instanceof WriteRefusedError ||
    error instanceof GraphQLError;
  console.error(expected ? (error as Error).message : error);
  return 1;
});

async function main(args: string[]): Promise<number> {
  let request: Awaited<ReturnType<typeof readRequest>>;
  try {
    request = await readRequest(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n${USAGE}`);
    return 2;
  }
  const { text, textFile, source, out } = request;

  const config = loadConfig();
  if (!config.NLP_ENABLED)
    throw new ConfigError(['NLP_ENABLED: npm run draft needs the text-analysis worker; unset it or set it to true']);
  const nlp = superviseNlpWorker({
    python: config.NLP_PYTHON,
    cacheDir: config.NLP_CACHE_DIR,
    requestTimeoutMs: ANALYSIS_TIMEOUT_MS,
    restart: { maxAttempts: 1 },
  });
  try {
    const neo4j = await connectNeo4j(config, (message) => console.error(message));
    try {
      await migrateAndSeed(neo4j.driver, config.NEO4J_DATABASE, config.SEED_ON_EMPTY);
      if (nlp.status().state !== 'running')
        console.error(
          `Waiting for the text-analysis worker (its first start installs it into ${config.NLP_CACHE_DIR})…`,
        );
      if (!(await nlp.whenStarted()))
        throw new StartupError(
          `The text-analysis worker is unavailable: ${nlp.status().reason ?? 'it did not start'}.`,
        );
      const db = createDatabase({ driver: neo4j.driver, database: config.NEO4J_DATABASE });
      const yaml = await draftSeed({ text, textFile, source, db, nlp });
      await writeFile(out, yaml, { flag: 'wx' });
      const parsed = parseSourceDocument(yaml, out);
      // As the user would type it where they ran the command.
      const relative = path.relative(process.env.INIT_CWD ?? process.cwd(), out);
      const shown = relative.startsWith('..') ? out : relative;
      if (!parsed.ok) {
        console.error(`Wrote ${shown}; fix these before review:\n  ${parsed.problems.join('\n  ')}`);
        return 0;
      }
      const { entities, relations } = parsed.document;
      const attributes = entities.reduce((count, entity) => count + entity.attributes.length, 0);
      console.log(
        `Wrote ${shown}: ${entities.length} entities, ${attributes} attributes, ${relations.length} relations; ` +
          `${findPendingReviews(out, parsed.document).length} entries await review.`,
      );
      return 0;
    } finally {
      await neo4j.close();
    }
  } finally {
    await nlp.stop();
  }
}

/** The text, its file name and the source block from the command line; a UsageError names what is wrong. */
async function readRequest(args: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        'source-id': { type: 'string' },
        title: { type: 'string' },
        published: { type: 'string' },
        publisher: { type: 'string' },
        url: { type: 'string' },
        language: { type: 'string', default: 'ru' },
        out: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError(`Expected one text file, got ${positionals.length}.`);
  for (const option of ['source-id', 'title', 'published'] as const) {
    if (values[option] === undefined) throw new UsageError(`Missing --${option}.`);
  }
  if (values.language !== 'ru' && values.language !== 'kk')
    throw new UsageError(`--language: expected ru or kk, got "${values.language}".`);
  const checked = sourceSchema.safeParse({
    id: values['source-id'],
    title: values.title,
    publishedOn: values.published,
    language: values.language,
    ...(values.publisher === undefined ? {} : { publisher: values.publisher }),
    ...(values.url === undefined ? {} : { url: values.url }),
  });
  if (!checked.success) {
    const option = { id: 'source-id', publishedOn: 'published' } as Record<string, string>;
    const [issue] = checked.error.issues;
    const field = String(issue!.path[0]);
    throw new UsageError(`--${option[field] ?? field}: ${issue!.message}.`);
  }
  const source = checked.data as DraftSource;

  // npm runs scripts in the package root; INIT_CWD is where the user typed the command.
  const here = process.env.INIT_CWD ?? process.cwd();
  const textFile = positionals[0]!;
  let text: string;
  try {
    text = await readFile(path.resolve(here, textFile), 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read text file "${textFile}": ${(error as NodeJS.ErrnoException).code ?? error}.`);
  }
  const out =
    values.out === undefined
      ? path.join(SEEDS_DIR, `${source.id.slice('source/'.length)}.yaml`)
      : path.resolve(here, values.out);
  const exists = await access(out).then(
    () => true,
    () => false,
  );
  if (exists) throw new UsageError(`--out: "${out}" exists; choose another file or delete it.`);
  return { text, textFile: path.basename(textFile), source, out };
}

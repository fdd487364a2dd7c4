/**
 * `npm run verify-evidence -- <source-id> <text-file>`: checks that every excerpt the seed files quote from
 * `<source-id>` occurs verbatim in `<text-file>`.
 * Exit 0 and one OK line when all are found; exit 1 listing each miss (or each seed problem);
 * exit 2 with a one-line message on bad arguments, an unknown source id or an unreadable text file.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectExcerpts, findMissingExcerpts } from '../seed/findMissingExcerpts.js';
import { readSourceDocuments } from '../seed/readSourceDocuments.js';
import { SeedValidationError } from '../seed/SeedValidationError.js';

const USAGE = 'Usage: npm run verify-evidence -- <source-id> <text-file>';
const SEEDS = fileURLToPath(new URL('../../seeds', import.meta.url));

process.exitCode = await verifyEvidence(process.argv.slice(2));

async function verifyEvidence(args: readonly string[]): Promise<number> {
  const [sourceId, textFile] = args;
  if (args.length !== 2 || sourceId === undefined || textFile === undefined) {
    console.error(`Expected 2 arguments, got ${args.length}. ${USAGE}`);
    return 2;
  }
  let text: string;
  try {
    // npm runs scripts in the package root; INIT_CWD is where the user typed the command.
    text = await readFile(path.resolve(process.env.INIT_CWD ?? process.cwd(), textFile), 'utf8');
  } catch (error) {
    console.error(
      `Cannot read text file "${textFile}": ${(error as NodeJS.ErrnoException).code ?? String(error)}. ${USAGE}`,
    );
    return 2;
  }
  let files;
  try {
    files = await readSourceDocuments(SEEDS);
  } catch (error) {
    if (!(error instanceof SeedValidationError)) throw error;
    console.error(error.message);
    return 1;
  }
  const known = [...new Set(files.map((file) => file.document.source.id))].sort();
  if (!known.includes(sourceId)) {
    console.error(`Unknown source id "${sourceId}" (known: ${known.join(', ') || 'none'}). ${USAGE}`);
    return 2;
  }
  const missing = findMissingExcerpts(files, sourceId, text);
  if (missing.length === 0) {
    const count = collectExcerpts(files, sourceId).length;
    console.log(`OK: ${count} excerpts of ${sourceId} found verbatim in ${textFile}`);
    return 0;
  }
  for (const miss of missing) {
    console.log(
      `MISSING ${path.relative(process.cwd(), miss.file)} › ${miss.where} ${miss.field}: ${JSON.stringify(miss.excerpt)}`,
    );
  }
  console.log(
    `${missing.length} of ${collectExcerpts(files, sourceId).length} excerpts of ${sourceId} not found in ${textFile}`,
  );
  return 1;
}

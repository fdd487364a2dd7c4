/**
 * `npm run eval:curation`: what curating the seed article on /curate takes. Starts a throw-away embedded Neo4j with
 * an empty graph (as for a first article) and the text-analysis worker, runs the article through the real server's
 * `analyzeText`, and prints which facts of seeds/2025-09-09-krasnogorsk-business-forum.yaml a proposal gives and
 * which still need a selection of the text.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { migrateAndSeed } from '../../src/migrateAndSeed.js';
import { createDriver } from '../../src/neo4j/createDriver.js';
import { startEmbeddedNeo4j } from '../../src/neo4j/startEmbeddedNeo4j.js';
import { superviseNlpWorker } from '../../src/nlp/superviseNlpWorker.js';
import { createServer } from '../../src/server/createServer.js';
import { parseSourceDocument } from '../../src/seed/readSourceDocuments.js';
import { createTestKeys, bearer } from '../support/createTestKeys.js';
import { freePort } from '../support/freePort.js';
import { postGraphQL } from '../support/postGraphQL.js';
import { compareWithSeed, type AnalysedMention, type AnalysedProposal } from './compareWithSeed.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const ARTICLE = path.resolve(REPO, '../shared/article/000_0cee7196dd613652.txt');
const SEED = path.join(REPO, 'seeds/2025-09-09-krasnogorsk-business-forum.yaml');
const MENTION = 'start end text proposedKind proposedName entity { id }';
const ANALYZE = `query($text: String!) { analyzeText(text: $text) { mentions { ${MENTION} }
  proposals { type value unit from { ${MENTION} } to { ${MENTION} } } } }`;

const parsed = parseSourceDocument(await readFile(SEED, 'utf8'), SEED);
if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
const text = await readFile(ARTICLE, 'utf8');

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'coopgraph-curation-'));
// A 6 KB article on a busy machine: no request timeout decides the figures.
const nlp = superviseNlpWorker({ requestTimeoutMs: 120_000 });
const neo4j = await startEmbeddedNeo4j({ dataDir, port: await freePort(), startTimeoutMs: 180_000, pageCache: '64m' });
const driver = createDriver({ uri: neo4j.uri });
try {
  await migrateAndSeed(driver, undefined, false);
  if (!(await nlp.whenStarted())) throw new Error(nlp.status().reason ?? 'the text-analysis worker did not start');
  const server = createServer({ driver, logger: pino({ level: 'silent' }), nlp, operationTimeoutMs: 180_000 });
  await server.start();
  const { url } = await server.listen(0);
  const keys = await createTestKeys(driver, 'eval:curation');
  const response = await postGraphQL<{
    analyzeText: { mentions: AnalysedMention[]; proposals: AnalysedProposal[] };
  }>(url, ANALYZE, { text }, bearer(keys.editor));
  if (response.errors) throw new Error(response.errors.map((error) => error.message).join('\n'));
  const { mentions, proposals } = response.data!.analyzeText;
  const coverage = compareWithSeed(parsed.document, mentions, proposals);
  const line = (label: string, from: string[], need: string[]) =>
    console.log(
      `${label}: ${from.length} of ${from.length + need.length} from proposals, ${need.length} need a selection`,
    );
  console.log(`${mentions.length} mentions, ${proposals.length} fact proposals on an empty graph`);
  line('entities', coverage.entities.fromProposal, [
    ...coverage.entities.needSelection,
    ...coverage.entities.kindDiffers,
  ]);
  line('relations', coverage.relations.fromProposal, coverage.relations.needSelection);
  line('attributes', coverage.attributes.fromProposal, coverage.attributes.needSelection);
  line('statements', [], coverage.statements.needSelection);
  console.log(`proposals matching no seed fact: ${coverage.unmatchedProposals.length}`);
  if (process.argv.includes('--list')) console.log(JSON.stringify(coverage, null, 2));
  await server.stop();
} finally {
  await driver.close();
  await nlp.stop();
  await neo4j.stop();
  await rm(dataDir, { recursive: true, force: true });
}

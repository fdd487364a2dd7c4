/**
 * `npm run eval:curation`: what curating the seed article on /curate takes. Starts a throw-away embedded Neo4j with
 * an empty graph (as for a first article) and the text-analysis worker, runs the article through the real server's
 * `analyzeText`, and prints which facts of seeds/2025-09-09-krasnogorsk-business-forum.yaml a proposal gives and
 * which still need a selection of the text.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseSourceDocument } from '../../src/seed/readSourceDocuments.js';
import { createTestKeys, bearer } from '../support/createTestKeys.js';
import { postGraphQL } from '../support/postGraphQL.js';
import { withEvaluationServer } from '../support/withEvaluationServer.js';
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

// An empty graph, as for a first article; a 6 KB article on a busy machine: no request timeout decides the figures.
await withEvaluationServer({ seed: false, timeoutMs: 180_000 }, async ({ url, driver }) => {
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
});

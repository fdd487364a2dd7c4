/**
 * `npm run eval:linking`: starts a throw-away embedded Neo4j with the seed and the text-analysis worker, runs the
 * gold texts (test/analysis/linkingGold.ts) through the real server's `analyzeText`, and prints precision and
 * recall of linking and of new-entity proposals, with every miss.
 */
import { createTestKeys } from '../support/createTestKeys.js';
import { withEvaluationServer } from '../support/withEvaluationServer.js';
import { evaluateLinking } from './evaluateLinking.js';
import { LINKING_GOLD } from './linkingGold.js';

await withEvaluationServer({ seed: true }, async ({ url, driver }) => {
  const keys = await createTestKeys(driver, 'eval:linking');
  const { linking, proposals, peopleAndOrganizationsRecall } = await evaluateLinking(url, keys.editor, LINKING_GOLD);
  for (const error of [...linking.errors, ...proposals.errors]) console.log(error);
  console.log(`${LINKING_GOLD.length} texts`);
  console.log(
    `linking:   precision ${linking.precision.toFixed(3)} (${linking.truePositives}/${linking.predicted}), recall ${linking.recall.toFixed(3)} (${linking.gold} gold)`,
  );
  console.log(
    `proposals: precision ${proposals.precision.toFixed(3)} (${proposals.truePositives}/${proposals.predicted}), recall ${proposals.recall.toFixed(3)} (${proposals.gold} gold); new people and organizations recall ${peopleAndOrganizationsRecall.toFixed(3)}`,
  );
});

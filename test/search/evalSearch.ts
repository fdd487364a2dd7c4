/**
 * `npm run eval:search`: starts a throw-away embedded Neo4j with the seed and the text-analysis worker, runs the
 * gold list (test/search/searchGold.ts) through the real server's `search`, and prints top-1 accuracy, MRR and
 * every query whose expected entity is not first.
 */
import { withEvaluationServer } from '../support/withEvaluationServer.js';
import { evaluateSearch } from './evaluateSearch.js';
import { SEARCH_GOLD } from './searchGold.js';

await withEvaluationServer({ seed: true }, async ({ url }) => {
  const { outcomes, top1, mrr } = await evaluateSearch(url, SEARCH_GOLD);
  for (const outcome of outcomes.filter((item) => item.rank !== 1)) {
    console.log(
      `rank ${outcome.rank ?? '>10'}  «${outcome.query}» → expected ${outcome.expected}, got ${outcome.hits
        .slice(0, 3)
        .map((hit) => `${hit.id} (${hit.score.toFixed(1)})`)
        .join(', ')}`,
    );
  }
  const outsideTop3 = outcomes.filter((item) => item.rank === null || item.rank > 3).length;
  console.log(
    `${outcomes.length} queries: top-1 accuracy ${top1.toFixed(3)}, MRR ${mrr.toFixed(3)}, expected entity outside the top 3: ${outsideTop3}`,
  );
});

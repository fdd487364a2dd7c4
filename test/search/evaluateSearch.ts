import { postGraphQL } from '../support/postGraphQL.js';
import type { GoldQuery } from './searchGold.js';

/** One gold query's outcome: the rank (1-based) of the expected entity in the first ten hits, null if absent. */
export interface GoldOutcome extends GoldQuery {
  rank: number | null;
  hits: { id: string; score: number }[];
}

export interface SearchEvaluation {
  outcomes: GoldOutcome[];
  /** Share of queries whose expected entity is the first hit. */
  top1: number;
  /** Mean reciprocal rank over the first ten hits. */
  mrr: number;
}

/** Runs every gold query through the server's `search` and scores the ranks. */
export async function evaluateSearch(url: string, gold: readonly GoldQuery[]): Promise<SearchEvaluation> {
  const outcomes: GoldOutcome[] = [];
  for (const item of gold) {
    const response = await postGraphQL<{ search: { score: number; entity: { id: string } }[] }>(
      url,
      'query($q: String!) { search(query: $q, first: 10) { score entity { id } } }',
      { q: item.query },
    );
    if (!response.data) throw new Error(`search "${item.query}" failed: ${JSON.stringify(response.errors)}`);
    const hits = response.data.search.map((hit) => ({ id: hit.entity.id, score: hit.score }));
    const index = hits.findIndex((hit) => hit.id === item.expected);
    outcomes.push({ ...item, rank: index < 0 ? null : index + 1, hits });
  }
  const top1 = outcomes.filter((outcome) => outcome.rank === 1).length / outcomes.length;
  const mrr = outcomes.reduce((sum, outcome) => sum + (outcome.rank ? 1 / outcome.rank : 0), 0) / outcomes.length;
  return { outcomes, top1, mrr };
}

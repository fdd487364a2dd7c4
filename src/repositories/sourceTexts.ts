import type { ManagedTransaction } from 'neo4j-driver';
import type { WriteProblem } from '../domain/WriteProblem.js';
import { excerptsNotIn } from '../seed/findMissingExcerpts.js';
import type { GraphWritePlan } from '../seed/planGraphWrite.js';

/**
 * A source's text is kept apart from the source, as `(:SourceText {sha256, text, length})`, found by the source's
 * `contentSha256`: no entity read or projection ever loads an article body, and sources declaring one text share
 * one node. The source keeps only `textLength` (UTF-16 code units), for readers.
 */

/** Keeps the plan's texts; a text once kept is never changed (its hash names it). Takes `$rows`. */
export const MERGE_SOURCE_TEXTS = `UNWIND $rows AS row
  MERGE (t:SourceText {sha256: row.sha256})
  ON CREATE SET t.text = row.text, t.length = row.length`;

/**
 * Sets `textLength` on the planned sources (`$sourceIds`: null when no text is kept for their hash) and on every
 * stored source declaring a hash whose text the plan keeps (`$sha256s`).
 */
export const SET_TEXT_LENGTHS = `CALL () {
    UNWIND $sourceIds AS id
    MATCH (s:Entity {id: id})
    OPTIONAL MATCH (t:SourceText {sha256: s.contentSha256})
    SET s.textLength = t.length
  }
  CALL () {
    UNWIND $sha256s AS sha256
    MATCH (s:Source {contentSha256: sha256})
    MATCH (t:SourceText {sha256: sha256})
    SET s.textLength = t.length
  }`;

/** The rows and parameters writers pass to MERGE_SOURCE_TEXTS and SET_TEXT_LENGTHS for a plan. */
export function sourceTextParameters(plan: GraphWritePlan) {
  return {
    rows: plan.sourceTexts.map(({ sha256, text }) => ({ sha256, text, length: text.length })),
    sourceIds: plan.entities.filter((entity) => entity.sourceProps !== null).map((entity) => entity.id),
    sha256s: plan.sourceTexts.map((text) => text.sha256),
  };
}

/** Excerpts of stored sources a problem names at most, so that a message stays short. */
const NAMED_EXCERPTS = 3;

/**
 * Problems of a plan against the texts kept for its sources, to be found in the write's own transaction: each
 * excerpt the plan quotes that is not verbatim (`excerptsNotIn`) in the text its source declares (the one the plan
 * gives, else the stored one), and each text the plan gives that lacks excerpts already stored from a source
 * declaring it. Sources without a kept text are not checked.
 */
export async function findSourceTextProblems(tx: ManagedTransaction, plan: GraphWritePlan): Promise<WriteProblem[]> {
  const given = new Map(plan.sourceTexts.map((row) => [row.sha256, row.text]));
  const planned = new Map(
    plan.entities.flatMap((entity) =>
      entity.sourceProps === null ? [] : [[entity.id, entity.sourceProps.contentSha256 ?? null] as const],
    ),
  );
  const sourceIds = [...new Set(plan.quotes.map((quote) => quote.sourceId))];
  const problems: WriteProblem[] = [];
  if (sourceIds.length > 0) problems.push(...(await findQuotesNotInTexts(tx, plan, sourceIds, planned, given)));
  if (given.size > 0) problems.push(...(await findStoredExcerptsNotInTexts(tx, planned, given)));
  return problems;
}

/** The plan's quotes that are not verbatim in the text their source declares (planned, else stored). */
async function findQuotesNotInTexts(
  tx: ManagedTransaction,
  plan: GraphWritePlan,
  sourceIds: string[],
  planned: ReadonlyMap<string, string | null>,
  given: ReadonlyMap<string, string>,
): Promise<WriteProblem[]> {
  const problems: WriteProblem[] = [];
  const declared = await tx.run<{ id: string; sha256: string | null; text: string | null }>(
    `UNWIND $rows AS row
     OPTIONAL MATCH (s:Entity {id: row.id})
     WITH row, coalesce(row.sha256, s.contentSha256) AS sha256
     OPTIONAL MATCH (t:SourceText {sha256: sha256})
     RETURN row.id AS id, sha256, CASE WHEN sha256 IN $given THEN null ELSE t.text END AS text`,
    { rows: sourceIds.map((id) => ({ id, sha256: planned.get(id) ?? null })), given: [...given.keys()] },
  );
  const textOf = new Map<string, string>();
  for (const record of declared.records) {
    const sha256 = record.get('sha256');
    const text = (sha256 === null ? undefined : given.get(sha256)) ?? record.get('text');
    if (text !== null && text !== undefined) textOf.set(record.get('id'), text);
  }
  for (const [sourceId, quotes] of Map.groupBy(plan.quotes, (quote) => quote.sourceId)) {
    const text = textOf.get(sourceId);
    if (text === undefined) continue;
    for (const { file, where, field, path, excerpt } of excerptsNotIn(quotes, text))
      problems.push({ code: 'EXCERPT_NOT_IN_TEXT', sourceId, origin: { file, where, field, path, excerpt } });
  }
  return problems;
}

/** Each source whose excerpts stored so far are not all in the text the plan gives for it. */
async function findStoredExcerptsNotInTexts(
  tx: ManagedTransaction,
  planned: ReadonlyMap<string, string | null>,
  given: ReadonlyMap<string, string>,
): Promise<WriteProblem[]> {
  const problems: WriteProblem[] = [];
  const stored = await tx.run<{ sha256: string; id: string; excerpts: string[] }>(
    `UNWIND $rows AS row
     CALL (row) {
       MATCH (s:Source {contentSha256: row.sha256}) RETURN s.id AS id
       UNION
       UNWIND row.sourceIds AS id RETURN id
     }
     MATCH (x:Excerpt {sourceId: id}) WHERE x.retractedAt IS NULL
     RETURN row.sha256 AS sha256, id, collect(x.text) AS excerpts`,
    {
      rows: [...given.keys()].map((sha256) => ({
        sha256,
        sourceIds: [...planned].filter(([, planSha256]) => planSha256 === sha256).map(([id]) => id),
      })),
    },
  );
  for (const record of stored.records) {
    const missing = excerptsNotIn(
      record.get('excerpts').map((excerpt) => ({ excerpt })),
      given.get(record.get('sha256'))!,
    );
    if (missing.length > 0) {
      problems.push({
        code: 'TEXT_LACKS_STORED_EXCERPTS',
        sourceId: record.get('id'),
        count: missing.length,
        excerpts: missing.slice(0, NAMED_EXCERPTS).map(({ excerpt }) => excerpt),
      });
    }
  }
  return problems;
}

import { postGraphQL } from '../support/postGraphQL.js';
import type { GoldText } from './linkingGold.js';

interface PredictedMention {
  start: number;
  end: number;
  text: string;
  proposedKind: string | null;
  entity: { id: string } | null;
}

/** Precision and recall of one task, with the counts behind them and the misses, for the printout. */
export interface Score {
  precision: number;
  recall: number;
  truePositives: number;
  predicted: number;
  gold: number;
  errors: string[];
}

export interface LinkingEvaluation {
  /** Mentions linked to known entities: right entity on an overlapping span. */
  linking: Score;
  /** Proposed new entities of any kind: right kind on an overlapping span. */
  proposals: Score;
  /** Recall of new people and organizations. */
  peopleAndOrganizationsRecall: number;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;
const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);

/** Runs every gold text through the server's `analyzeText` (as `editorKey`) and scores linking and proposals. */
export async function evaluateLinking(
  url: string,
  editorKey: string,
  gold: readonly GoldText[],
): Promise<LinkingEvaluation> {
  let linkedRight = 0,
    linkedPredicted = 0,
    linkedGold = 0,
    linkedFound = 0;
  let proposedRight = 0,
    proposedPredicted = 0,
    proposedGold = 0,
    proposedFound = 0,
    keyGold = 0,
    keyFound = 0;
  const linkErrors: string[] = [];
  const proposalErrors: string[] = [];
  for (const item of gold) {
    const response = await postGraphQL<{ analyzeText: { mentions: PredictedMention[] } }>(
      url,
      'query($text: String!, $language: Lang) { analyzeText(text: $text, language: $language) { mentions { start end text proposedKind entity { id } } } }',
      { text: item.text, language: item.language },
      { authorization: `Bearer ${editorKey}` },
    );
    if (!response.data) throw new Error(`analyzeText failed: ${JSON.stringify(response.errors)}`);
    const predicted = response.data.analyzeText.mentions;
    let from = 0;
    const annotated = item.mentions.map((mention) => {
      const start = item.text.indexOf(mention.text, from);
      if (start < 0) throw new Error(`gold mention «${mention.text}» is not in the text after offset ${from}`);
      from = start + mention.text.length;
      return { ...mention, start, end: from };
    });
    for (const mention of predicted.filter((candidate) => candidate.entity)) {
      linkedPredicted += 1;
      if (annotated.some((gold) => 'entity' in gold && gold.entity === mention.entity!.id && overlaps(gold, mention)))
        linkedRight += 1;
      else linkErrors.push(`wrong link «${mention.text}» → ${mention.entity!.id}`);
    }
    // Agreements are proposed for the signing facts; the gold annotates people, organizations, places and events.
    for (const mention of predicted.filter(
      (candidate) => candidate.proposedKind && candidate.proposedKind !== 'AGREEMENT',
    )) {
      proposedPredicted += 1;
      if (annotated.some((gold) => 'kind' in gold && gold.kind === mention.proposedKind && overlaps(gold, mention)))
        proposedRight += 1;
      else proposalErrors.push(`wrong proposal «${mention.text}» as ${mention.proposedKind}`);
    }
    for (const gold of annotated) {
      if ('entity' in gold) {
        linkedGold += 1;
        if (predicted.some((mention) => mention.entity?.id === gold.entity && overlaps(gold, mention)))
          linkedFound += 1;
        else linkErrors.push(`missed link «${gold.text}» → ${gold.entity}`);
      } else {
        proposedGold += 1;
        const found = predicted.some((mention) => mention.proposedKind === gold.kind && overlaps(gold, mention));
        if (found) proposedFound += 1;
        else proposalErrors.push(`missed proposal «${gold.text}» as ${gold.kind}`);
        if (gold.kind === 'PERSON' || gold.kind === 'ORGANIZATION') {
          keyGold += 1;
          if (found) keyFound += 1;
        }
      }
    }
  }
  return {
    linking: {
      precision: ratio(linkedRight, linkedPredicted),
      recall: ratio(linkedFound, linkedGold),
      truePositives: linkedRight,
      predicted: linkedPredicted,
      gold: linkedGold,
      errors: linkErrors,
    },
    proposals: {
      precision: ratio(proposedRight, proposedPredicted),
      recall: ratio(proposedFound, proposedGold),
      truePositives: proposedRight,
      predicted: proposedPredicted,
      gold: proposedGold,
      errors: proposalErrors,
    },
    peopleAndOrganizationsRecall: ratio(keyFound, keyGold),
  };
}

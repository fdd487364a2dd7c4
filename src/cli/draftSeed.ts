import { analyzeText } from '../analysis/analyzeText.js';
import { checkAnalysisInput } from '../analysis/checkAnalysisInput.js';
import { createReadAheadCache } from '../models/ReadAheadCache.js';
import type { Database } from '../neo4j/Database.js';
import { createNameNormalizer } from '../nlp/createNameNormalizer.js';
import type { NlpClient } from '../nlp/NlpClient.js';
import { createEntityRepository } from '../repositories/createEntityRepository.js';
import { createLinkRepository } from '../repositories/createLinkRepository.js';
import { FULL_PROJECTION } from '../repositories/ProjectionShape.js';
import { refreshNameLemmas } from '../repositories/refreshNameLemmas.js';
import { proposedIdCandidates, renderSeedDraft, type DraftSource } from '../seed/renderSeedDraft.js';

export interface DraftSeedOptions {
  text: string;
  /** Named in the draft's header. */
  textFile: string;
  source: DraftSource;
  db: Database;
  nlp: NlpClient;
}

/**
 * A seed YAML draft of `text` (see `renderSeedDraft`), linked against the graph in `db`. Brings the entities' lemma
 * keys up to date first, as a server with a running worker does, so that inflected mentions link; writes nothing else.
 * Throws the analysis' BAD_USER_INPUT error for a text it cannot read (empty, too long, not Russian or Kazakh).
 */
export async function draftSeed({ text, textFile, source, db, nlp }: DraftSeedOptions): Promise<string> {
  checkAnalysisInput(text, source.language.toUpperCase());
  const normalizer = createNameNormalizer(nlp);
  await refreshNameLemmas(db, normalizer);
  const { mentions, proposals } = await analyzeText({ text, nlp, normalizer, links: createLinkRepository(db) });

  const entities = createEntityRepository(db, FULL_PROJECTION, createReadAheadCache());
  const linkedIds = [...new Set(mentions.flatMap((mention) => mention.entityId ?? []))];
  const candidateIds = [
    ...new Set(
      mentions.flatMap((mention) =>
        mention.proposedKind !== null && mention.proposedName !== null
          ? proposedIdCandidates(mention.proposedKind, mention.proposedName)
          : [],
      ),
    ),
  ];
  const [linked, existing] = await Promise.all([entities.findByIds(linkedIds), entities.findByIds(candidateIds)]);
  return renderSeedDraft({
    text,
    source,
    mentions,
    proposals,
    known: new Map(linked.flatMap((entity) => (entity === null ? [] : [[entity.id, entity]]))),
    taken: new Set(existing.flatMap((entity) => entity?.id ?? [])),
    textFile,
  });
}

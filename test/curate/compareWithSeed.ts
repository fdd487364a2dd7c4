import { normalizeName } from '../../src/search/normalizeName.js';
import type { SourceDocument } from '../../src/seed/sourceDocument.js';

/** A mention as `analyzeText` answers it (with `entity` when the graph knows it). */
export interface AnalysedMention {
  start: number;
  end: number;
  text: string;
  proposedKind: string | null;
  proposedName: string | null;
  entity: { id: string } | null;
}

export interface AnalysedProposal {
  type: string;
  value: number | null;
  unit: string | null;
  from: AnalysedMention;
  to: AnalysedMention | null;
}

/** How each fact of a seed file could be curated: from a proposal as it stands, or only by selecting a span. */
export interface SeedCoverage {
  entities: { fromProposal: string[]; needSelection: string[]; kindDiffers: string[] };
  relations: { fromProposal: string[]; needSelection: string[] };
  attributes: { fromProposal: string[]; needSelection: string[] };
  statements: { needSelection: string[] };
  /** Proposals that match no fact of the seed file (the editor rejects or edits them). */
  unmatchedProposals: string[];
}

/**
 * Compares an analysis of a seed article with its curated seed file. A mention stands for a seed entity when its
 * proposed name or its text, normalized as search keys are, equals one of the entity's names or aliases (or a linked
 * mention names the entity); a relation comes from a proposal of its type between mentions of its two ends; an
 * attribute from a figure proposal on its entity with its number. Statements have no proposals: each needs a selection.
 */
export function compareWithSeed(
  document: SourceDocument,
  mentions: readonly AnalysedMention[],
  proposals: readonly AnalysedProposal[],
): SeedCoverage {
  const keyOwner = new Map<string, string>();
  const kindOf = new Map<string, string>();
  for (const entity of document.entities) {
    kindOf.set(entity.id, entity.kind);
    for (const name of [entity.names.en, entity.names.ru, entity.names.kk, ...entity.aliases]) {
      const key = name ? normalizeName(name) : '';
      if (key !== '' && !keyOwner.has(key)) keyOwner.set(key, entity.id);
    }
  }
  const entityOf = (mention: AnalysedMention): string | null => {
    if (mention.entity) return mention.entity.id;
    for (const name of [mention.proposedName, mention.text]) {
      const owner = name ? keyOwner.get(normalizeName(name)) : undefined;
      if (owner) return owner;
    }
    return null;
  };

  const coverage: SeedCoverage = {
    entities: { fromProposal: [], needSelection: [], kindDiffers: [] },
    relations: { fromProposal: [], needSelection: [] },
    attributes: { fromProposal: [], needSelection: [] },
    statements: { needSelection: [] },
    unmatchedProposals: [],
  };
  const mentioned = new Map<string, AnalysedMention[]>();
  for (const mention of mentions) {
    const id = entityOf(mention);
    if (id) mentioned.set(id, [...(mentioned.get(id) ?? []), mention]);
  }
  for (const entity of document.entities) {
    if (entity.kind === 'STATEMENT') {
      coverage.statements.needSelection.push(entity.id);
      continue;
    }
    const found = mentioned.get(entity.id) ?? [];
    if (found.some((mention) => mention.entity !== null || mention.proposedKind === entity.kind))
      coverage.entities.fromProposal.push(entity.id);
    else if (found.length > 0) coverage.entities.kindDiffers.push(`${entity.id} (proposed ${found[0]!.proposedKind})`);
    else coverage.entities.needSelection.push(entity.id);
  }

  const used = new Set<AnalysedProposal>();
  for (const relation of document.relations) {
    const name = `${relation.type} ${relation.from} → ${relation.to}`;
    const match = proposals.find(
      (proposal) =>
        proposal.type === relation.type &&
        proposal.to !== null &&
        entityOf(proposal.from) === relation.from &&
        entityOf(proposal.to) === relation.to,
    );
    if (match) used.add(match);
    (match ? coverage.relations.fromProposal : coverage.relations.needSelection).push(name);
  }
  for (const entity of document.entities) {
    for (const attribute of entity.attributes) {
      const name = `${entity.id} ${attribute.key} = ${String(attribute.value)}${attribute.unit ? ` ${attribute.unit}` : ''}`;
      const match = proposals.find(
        (proposal) =>
          proposal.type === 'ATTRIBUTE' && entityOf(proposal.from) === entity.id && proposal.value === attribute.value,
      );
      if (match) used.add(match);
      (match ? coverage.attributes.fromProposal : coverage.attributes.needSelection).push(name);
    }
  }
  for (const proposal of proposals) {
    if (used.has(proposal)) continue;
    const end = (mention: AnalysedMention | null) =>
      mention ? (entityOf(mention) ?? `«${mention.proposedName ?? mention.text}»`) : '';
    coverage.unmatchedProposals.push(
      proposal.type === 'ATTRIBUTE'
        ? `ATTRIBUTE ${end(proposal.from)} ${proposal.value} ${proposal.unit}`
        : `${proposal.type} ${end(proposal.from)} → ${end(proposal.to)}`,
    );
  }
  return coverage;
}

import type { AttributeResolvers, EvidenceResolvers, RelationResolvers } from '../generated/resolversTypes.js';
import { sourceReference } from '../../models/sourceReference.js';
import { loadEnd, loadEvidence } from './loading.js';

export const relationResolvers: RelationResolvers = {
  from: (relation, _, context) => loadEnd(context, relation.fromId),
  to: (relation, _, context) => loadEnd(context, relation.toId),
  evidence: (relation, _, context) => loadEvidence(context, relation.evidenceIds),
};

export const attributeResolvers: AttributeResolvers = {
  evidence: (attribute, _, context) => loadEvidence(context, attribute.evidenceIds),
};

export const evidenceResolvers: EvidenceResolvers = {
  excerpt: (excerpt) => excerpt.text,
  source: (excerpt, _, context) => (context.projection.evidenceSources ? loadEnd(context, excerpt.sourceId) : sourceReference(excerpt.sourceId)),
};

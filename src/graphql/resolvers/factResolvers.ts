import type { AttributeResolvers, EvidenceResolvers, RelationResolvers } from '../generated/resolversTypes.js';
import { loadEvidence } from './loading.js';

export const relationResolvers: RelationResolvers = {
  from: async (relation, _, { loaders }) => (await loaders.entity.load(relation.fromId))!,
  to: async (relation, _, { loaders }) => (await loaders.entity.load(relation.toId))!,
  evidence: (relation, _, context) => loadEvidence(context, relation.evidenceIds),
};

export const attributeResolvers: AttributeResolvers = {
  evidence: (attribute, _, context) => loadEvidence(context, attribute.evidenceIds),
};

export const evidenceResolvers: EvidenceResolvers = {
  excerpt: (excerpt) => excerpt.text,
  source: async (excerpt, _, { loaders }) => (await loaders.entity.load(excerpt.sourceId))!,
};

import type { AttributeResolvers, EvidenceResolvers, RelationResolvers } from '../generated/resolversTypes.js';
import { sourceReference } from '../../models/sourceReference.js';
import { isDisputed } from '../../models/isDisputed.js';
import { loadAttributes, loadEnd, loadEvidence, whenLoaded } from './loading.js';

export const relationResolvers: RelationResolvers = {
  from: (relation, _, context) => loadEnd(context, relation.fromId),
  to: (relation, _, context) => loadEnd(context, relation.toId),
  evidence: (relation, _, context) => loadEvidence(context, relation.evidenceIds),
};

export const attributeResolvers: AttributeResolvers = {
  evidence: (attribute, _, context) => loadEvidence(context, attribute.evidenceIds),
  // The entity's attributes are read along with it (or once per entity by the loader): no extra round trip.
  disputed: (attribute, _, context) => whenLoaded(loadAttributes(context, attribute.entityId), (siblings) => isDisputed(attribute, siblings)),
};

export const evidenceResolvers: EvidenceResolvers = {
  excerpt: (excerpt) => excerpt.text,
  source: (excerpt, _, context) => (context.projection.evidenceSources ? loadEnd(context, excerpt.sourceId) : sourceReference(excerpt.sourceId)),
};

import type { AttributeResolvers, EvidenceResolvers } from '../generated/resolversTypes.js';
import { sourceReference } from '../../models/sourceReference.js';
import { isDisputed } from '../../models/isDisputed.js';
import { loadAttributes, loadEnd, whenLoaded } from './loading.js';

/** Whether another claim of the entity gives a different value for the attribute's key (read with the attributes). */
export const attributeResolvers: AttributeResolvers = {
  disputed: (attribute, _, context) =>
    whenLoaded(loadAttributes(context, attribute.entityId), (siblings) => isDisputed(attribute, siblings)),
};

/** An excerpt's source is read as an entity only when the operation asks for more than its id (`evidenceSources`). */
export const evidenceResolvers: EvidenceResolvers = {
  source: (excerpt, _, context) =>
    context.projection.evidenceSources ? loadEnd(context, excerpt.sourceId) : sourceReference(excerpt.sourceId),
};

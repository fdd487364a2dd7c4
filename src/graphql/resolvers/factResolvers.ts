import type { EvidenceResolvers } from '../generated/resolversTypes.js';
import { sourceReference } from '../../models/sourceReference.js';
import { loadEnd } from './loading.js';

/** An excerpt's source is read as an entity only when the operation asks for more than its id (`evidenceSources`). */
export const evidenceResolvers: EvidenceResolvers = {
  source: (excerpt, _, context) => (context.projection.evidenceSources ? loadEnd(context, excerpt.sourceId) : sourceReference(excerpt.sourceId)),
};

import type { EntityKindName } from '../domain/entityKinds.js';

/** A mention as the analysis finds it: a known entity's id, or a proposed kind and nominative name. */
export interface MentionModel {
  /** UTF-16 offsets into the analysed text; `text === input.slice(start, end)`. */
  start: number;
  end: number;
  text: string;
  entityId: string | null;
  proposedKind: EntityKindName | null;
  proposedName: string | null;
  confidence: number;
}

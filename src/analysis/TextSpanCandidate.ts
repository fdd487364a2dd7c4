import type { EntityKindName } from '../domain/entityKinds.js';

/** A span of the analysed text that may name an entity; UTF-16 offsets. */
export interface TextSpanCandidate {
  start: number;
  end: number;
  /** What found it: an n-gram of words (linking only), the NER model, or a pattern (legal form, event, agreement). */
  origin: 'ngram' | 'ner' | 'pattern';
  /** The kind proposed when no known entity matches; null for n-grams, which only link. */
  kind: EntityKindName | null;
  /** How sure the finder is that this span names something of `kind`. */
  confidence: number;
}

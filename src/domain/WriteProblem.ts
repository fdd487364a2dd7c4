/** Where a planned relation was declared: a file (or `input`) and its index there, for messages naming the entry. */
export interface RelationOrigin {
  file: string;
  index: number;
  type: string;
  from: string;
  to: string;
}

/**
 * Where a seed file or a mutation quotes an excerpt: the file (or `input`), the entity id or relation
 * (`TYPE from → to`) it backs, the field there in a seed author's words (`attributes[2] (area).evidence[1]`) and as
 * a path in the source document (`['entities', 0, 'attributes', 2, 'evidence', 1]`), which mutations map to input
 * fields.
 */
export interface ExcerptOrigin {
  file: string;
  where: string;
  field: string;
  path: readonly (string | number)[];
  excerpt: string;
}

/** Why a write of facts was refused, one reason per problem; callers map each to their own field names. */
export type WriteProblem =
  | { code: 'UNKNOWN_ENTITY'; origin: RelationOrigin; entityId: string }
  | { code: 'RETRACTED_END'; origin: RelationOrigin; entityId: string }
  | { code: 'RETRACTED_RELATION'; origin: RelationOrigin; relationId: string }
  | { code: 'RETRACTED_ENTITY'; entityId: string }
  | { code: 'RETRACTED_ATTRIBUTE'; attributeId: string }
  | { code: 'KIND_CHANGED'; entityId: string; given: string; stored: string }
  | { code: 'TOO_MANY_ALIASES'; entityId: string; count: number; max: number }
  | { code: 'TOO_MANY_SEARCH_KEYS'; entityId: string; characters: number; max: number }
  /** An excerpt the write quotes is not verbatim in the text kept for its source. */
  | { code: 'EXCERPT_NOT_IN_TEXT'; sourceId: string; origin: ExcerptOrigin }
  /** The text the write keeps for a source lacks excerpts already stored from it (`excerpts`: the first few). */
  | { code: 'TEXT_LACKS_STORED_EXCERPTS'; sourceId: string; count: number; excerpts: string[] };

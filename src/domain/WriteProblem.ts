/** Where a planned relation was declared: a file (or `input`) and its index there, for messages naming the entry. */
export interface RelationOrigin {
  file: string;
  index: number;
  type: string;
  from: string;
  to: string;
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
  | { code: 'TOO_MANY_SEARCH_KEYS'; entityId: string; characters: number; max: number };

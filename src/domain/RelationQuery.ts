export type RelationDirection = 'OUTGOING' | 'INCOMING' | 'BOTH';

/** Which relations of one entity to read: all of the given types (null: any), at most `first`. */
export interface RelationQuery {
  entityId: string;
  types: readonly string[] | null;
  direction: RelationDirection;
  first: number;
}

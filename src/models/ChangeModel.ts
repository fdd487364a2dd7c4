/** One `(:Change)` audit record. */
export interface ChangeModel {
  id: string;
  actor: string;
  operation: string;
  /** ISO-8601 date-time. */
  at: string;
  entityIds: string[];
  relationIds: string[];
  attributeIds: string[];
  reason: string | null;
}

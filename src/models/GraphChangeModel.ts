/** An audit record as the change feed announces it: without its actor, which only editors may read. */
export interface GraphChangeModel {
  id: string;
  operation: string;
  /** ISO-8601 date-time. */
  at: string;
  /** Touched entities, including the ends of touched relations and the owners of touched attributes. */
  entityIds: string[];
  relationIds: string[];
  attributeIds: string[];
}

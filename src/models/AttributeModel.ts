/** A typed figure or property of one entity, with the excerpts that state it. */
export interface AttributeModel {
  id: string;
  entityId: string;
  key: string;
  value: string;
  number: number | null;
  unit: string | null;
  qualifier: string | null;
  evidenceIds: string[];
}

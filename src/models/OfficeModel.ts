/** An office held by a person, assembled from `HOLDS_OFFICE` and `ACCREDITED_TO` relations sharing one title. */
export interface OfficeModel {
  title: string;
  jurisdictionId: string | null;
  organizationId: string | null;
  accreditedToId: string | null;
  evidenceIds: string[];
}

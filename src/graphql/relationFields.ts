import type { RelationDirection } from '../domain/RelationQuery.js';
import { fixedRelationTypes } from '../repositories/includeCypher.js';

/** Relations a kind-specific field reads at most; the generic `relations(first:)` asks for its own number. */
export const FIELD_RELATION_LIMIT = 1000;

/** Relation types `relations(types:)` takes at most; the graph has a few dozen, and null asks for all of them. */
export const MAX_RELATION_TYPES = 50;

/**
 * A field backed by the relations of one shape. It answers either the entities at the relations' other ends
 * (`endFields` null) or the relations themselves, whose other end is exposed by the subfields named in `endFields`.
 */
export interface RelationField {
  /** Sorted, as the relations loader keys them; written into statements (see `fixedRelationTypes`). */
  types: readonly string[];
  direction: RelationDirection;
  endFields: readonly string[] | null;
}

const entities = (types: readonly string[], direction: RelationDirection): RelationField => ({ types: fixedRelationTypes(types), direction, endFields: null });
const relations = (types: readonly string[], direction: RelationDirection, endFields: readonly string[]): RelationField => ({
  types: fixedRelationTypes(types),
  direction,
  endFields,
});

/** Every relation-backed field of the schema, by type and field: what the resolvers load and the look-ahead reads ahead. */
export const RELATION_FIELDS = {
  Region: { partOf: entities(['PART_OF'], 'OUTGOING') },
  Organization: { basedIn: entities(['BASED_IN'], 'OUTGOING'), agreements: entities(['PARTY_TO'], 'OUTGOING') },
  Event: {
    location: entities(['HELD_IN'], 'OUTGOING'),
    agreements: entities(['SIGNED_AT'], 'INCOMING'),
    statements: entities(['STATED_AT'], 'INCOMING'),
    participants: relations(['PARTICIPATED_IN'], 'INCOMING', ['participant']),
  },
  Agreement: {
    signedAt: entities(['SIGNED_AT'], 'OUTGOING'),
    parties: relations(['PARTY_TO'], 'INCOMING', ['party']),
    signatories: entities(['SIGNATORY_OF'], 'INCOMING'),
    subjects: entities(['CONCERNS'], 'OUTGOING'),
  },
  Statement: { speaker: entities(['SPOKE'], 'INCOMING'), event: entities(['STATED_AT'], 'OUTGOING') },
  Person: {
    offices: relations(['ACCREDITED_TO', 'HOLDS_OFFICE'], 'OUTGOING', ['jurisdiction', 'organization', 'accreditedTo']),
    statements: entities(['SPOKE'], 'OUTGOING'),
  },
  Project: { locatedIn: entities(['LOCATED_IN'], 'OUTGOING') },
  Facility: { locatedIn: entities(['LOCATED_IN'], 'OUTGOING') },
} as const satisfies Record<string, Record<string, RelationField>>;

/** The relation-backed field `fieldName` of `typeName`, or undefined. */
export function relationField(typeName: string, fieldName: string): RelationField | undefined {
  const fields: Record<string, RelationField> | undefined = (RELATION_FIELDS as Record<string, Record<string, RelationField>>)[typeName];
  return fields && Object.hasOwn(fields, fieldName) ? fields[fieldName] : undefined;
}

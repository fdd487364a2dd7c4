import { Kind, type FieldNode } from 'graphql';
import type { EntityModel } from '../../models/EntityModel.js';
import type { ExcerptModel } from '../../models/ExcerptModel.js';
import type { OfficeModel } from '../../models/OfficeModel.js';
import type { RelationModel } from '../../models/RelationModel.js';
import type { Lang } from '../generated/resolversTypes.js';
import { asDate } from '../resolvers/asDate.js';
import { isDisputed } from '../../models/isDisputed.js';
import { knownDay, mostPreciseDate } from '../../models/mostPreciseDate.js';
import { entityName, entityNames } from './entityName.js';
import {
  attribute,
  end,
  fromAttributes,
  evidence,
  firstRelatedEntity,
  modelValue,
  relatedEntities,
  relations,
  type FieldDeclaration,
} from './FieldDeclaration.js';

/** The fields every entity type has (the `Entity` interface). */
const ENTITY_FIELDS = {
  id: modelValue((entity: EntityModel) => entity.id),
  kind: modelValue((entity: EntityModel) => entity.kind),
  name: modelValue((entity: EntityModel, { lang }: { lang?: Lang | null }) => entityName(entity, lang)),
  names: modelValue(entityNames, 'localizedNames'),
  aliases: modelValue((entity: EntityModel) => entity.aliases, 'aliases'),
  attributes: { reads: 'attributes' },
  relations: { reads: 'relations by arguments' },
  evidence: evidence('entityEvidence'),
} satisfies Record<string, FieldDeclaration>;

const source = (
  value: (metadata: NonNullable<EntityModel['source']>) => unknown,
  absent: (entity: EntityModel) => unknown,
) => modelValue((entity: EntityModel) => (entity.source ? value(entity.source) : absent(entity)), 'sourceMetadata');

/** A selection of `id` and `__typename` alone, without fragments: answerable from a reference. */
function selectsOnlyId(field: FieldNode): boolean {
  return (field.selectionSet?.selections ?? []).every(
    (selection) =>
      selection.kind === Kind.FIELD && (selection.name.value === 'id' || selection.name.value === '__typename'),
  );
}

/**
 * Every GraphQL field that reads stored data, by type and field: what it reads and how its value is shaped. The
 * resolvers, the look-ahead plan and the projection derive from these entries; a field of an entity type with
 * neither an entry nor an explicit resolver fails schema construction (`findUndeclaredFields`).
 */
export const FIELD_REGISTRY: Readonly<Record<string, Readonly<Record<string, FieldDeclaration>>>> = {
  Node: { id: ENTITY_FIELDS.id },
  Entity: ENTITY_FIELDS,
  Country: ENTITY_FIELDS,
  Region: { ...ENTITY_FIELDS, partOf: relatedEntities(['PART_OF'], 'OUTGOING'), country: { reads: 'country' } },
  Organization: {
    ...ENTITY_FIELDS,
    legalForm: attribute('legalForm'),
    basedIn: relatedEntities(['BASED_IN'], 'OUTGOING'),
    agreements: relatedEntities(['PARTY_TO'], 'OUTGOING'),
  },
  Person: {
    ...ENTITY_FIELDS,
    offices: relations(['ACCREDITED_TO', 'HOLDS_OFFICE'], 'OUTGOING'),
    statements: relatedEntities(['SPOKE'], 'OUTGOING'),
  },
  Event: {
    ...ENTITY_FIELDS,
    date: fromAttributes((attributes) => {
      const claim = mostPreciseDate(attributes, 'date');
      return knownDay(claim, claim !== null && isDisputed(claim, attributes));
    }),
    dateAsKnown: fromAttributes((attributes) => mostPreciseDate(attributes, 'date')),
    location: firstRelatedEntity(['HELD_IN'], 'OUTGOING'),
    agreements: relatedEntities(['SIGNED_AT'], 'INCOMING'),
    statements: relatedEntities(['STATED_AT'], 'INCOMING'),
    participants: relations(['PARTICIPATED_IN'], 'INCOMING'),
  },
  Agreement: {
    ...ENTITY_FIELDS,
    // The node keeps the bounds of the most precise signedOn attribute (writers keep it so), and the projection answers
    // the day only when they are equal: no attribute read.
    signedOn: modelValue((agreement: EntityModel) => asDate(agreement.signedOn), 'signedOn'),
    signedDate: fromAttributes((attributes) => mostPreciseDate(attributes, 'signedOn')),
    signedAt: firstRelatedEntity(['SIGNED_AT'], 'OUTGOING'),
    parties: relations(['PARTY_TO'], 'INCOMING'),
    signatories: relatedEntities(['SIGNATORY_OF'], 'INCOMING'),
    subjects: relatedEntities(['CONCERNS'], 'OUTGOING'),
  },
  Project: { ...ENTITY_FIELDS, locatedIn: relatedEntities(['LOCATED_IN'], 'OUTGOING') },
  Facility: { ...ENTITY_FIELDS, locatedIn: relatedEntities(['LOCATED_IN'], 'OUTGOING') },
  Statement: {
    ...ENTITY_FIELDS,
    text: modelValue((statement: EntityModel) => statement.text ?? '', 'text'),
    speaker: firstRelatedEntity(['SPOKE'], 'INCOMING'),
    event: firstRelatedEntity(['STATED_AT'], 'OUTGOING'),
  },
  Source: {
    ...ENTITY_FIELDS,
    title: source(
      (metadata) => metadata.title,
      (entity) => entity.id,
    ),
    publisher: source(
      (metadata) => metadata.publisher,
      () => null,
    ),
    publishedOn: source(
      (metadata) => metadata.publishedOn,
      () => '',
    ),
    language: source(
      (metadata) => metadata.language,
      () => '',
    ),
    url: source(
      (metadata) => metadata.url,
      () => null,
    ),
    contentSha256: source(
      (metadata) => metadata.contentSha256,
      () => null,
    ),
    textLength: source(
      (metadata) => metadata.textLength,
      () => null,
    ),
  },
  Relation: {
    id: modelValue((relation: RelationModel) => relation.id, 'relationIds'),
    type: modelValue((relation: RelationModel) => relation.type),
    from: end((relation: RelationModel) => relation.fromId),
    to: end((relation: RelationModel) => relation.toId),
    role: modelValue((relation: RelationModel) => relation.role),
    evidence: evidence('relationEvidence'),
  },
  /** A party is the `from` end of its `PARTY_TO` relation. */
  AgreementParty: {
    party: end((relation: RelationModel) => relation.fromId),
    role: modelValue((relation: RelationModel) => relation.role),
    evidence: evidence('relationEvidence'),
  },
  /** A participant is the `from` end of its `PARTICIPATED_IN` relation. */
  Participation: {
    participant: end((relation: RelationModel) => relation.fromId),
    role: modelValue((relation: RelationModel) => relation.role),
    evidence: evidence('relationEvidence'),
  },
  Office: {
    title: modelValue((office: OfficeModel) => office.title),
    jurisdiction: end((office: OfficeModel) => office.jurisdictionId),
    organization: end((office: OfficeModel) => office.organizationId),
    accreditedTo: end((office: OfficeModel) => office.accreditedToId),
    evidence: evidence('relationEvidence'),
  },
  NetworkEdge: { evidence: evidence('relationEvidence') },
  // An attribute's excerpt ids are always read with it.
  Attribute: { evidence: evidence() },
  Evidence: {
    excerpt: modelValue((excerpt: ExcerptModel) => excerpt.text),
    // Answered from the excerpt's source id unless the selection asks for more (see `evidenceResolvers`).
    source: modelValue(
      (excerpt: ExcerptModel) => excerpt.sourceId,
      (field) => (selectsOnlyId(field) ? null : 'evidenceSources'),
    ),
  },
};

/** The declaration of `fieldName` on `typeName`, or undefined. */
export function declarationOf(typeName: string, fieldName: string): FieldDeclaration | undefined {
  const fields = FIELD_REGISTRY[typeName];
  return fields && Object.hasOwn(fields, fieldName) ? fields[fieldName] : undefined;
}

/** Every declaration of a field called `fieldName`, on any type: for selections whose type is unknown. */
export function declarationsNamed(fieldName: string): FieldDeclaration[] {
  return Object.values(FIELD_REGISTRY).flatMap((fields) =>
    Object.hasOwn(fields, fieldName) ? [fields[fieldName]!] : [],
  );
}

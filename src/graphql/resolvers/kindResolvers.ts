import type {
  CountryResolvers,
  EventResolvers,
  FacilityResolvers,
  OrganizationResolvers,
  ParticipationResolvers,
  ProjectResolvers,
  RegionResolvers,
  SourceResolvers,
  StatementResolvers,
} from '../generated/resolversTypes.js';
import { entityFields } from './entityFields.js';
import { loadAttributeValue, loadEvidence, loadRelated, loadRelations } from './loading.js';
import { asDate } from './asDate.js';

export const countryResolvers: CountryResolvers = { ...entityFields };

export const regionResolvers: RegionResolvers = {
  ...entityFields,
  partOf: (region, _, context) => loadRelated(context, region.id, ['PART_OF'], 'OUTGOING'),
  country: (region, _, { loaders }) => loaders.countryOfRegion.load(region.id),
};

export const organizationResolvers: OrganizationResolvers = {
  ...entityFields,
  legalForm: (organization, _, context) => loadAttributeValue(context, organization.id, 'legalForm'),
  basedIn: (organization, _, context) => loadRelated(context, organization.id, ['BASED_IN'], 'OUTGOING'),
  agreements: (organization, _, context) => loadRelated(context, organization.id, ['PARTY_TO'], 'OUTGOING'),
};

export const eventResolvers: EventResolvers = {
  ...entityFields,
  date: async (event, _, context) => asDate(await loadAttributeValue(context, event.id, 'date')),
  location: async (event, _, context) => (await loadRelated(context, event.id, ['HELD_IN'], 'OUTGOING'))[0] ?? null,
  agreements: (event, _, context) => loadRelated(context, event.id, ['SIGNED_AT'], 'INCOMING'),
  statements: (event, _, context) => loadRelated(context, event.id, ['STATED_AT'], 'INCOMING'),
  participants: (event, _, context) => loadRelations(context, event.id, ['PARTICIPATED_IN'], 'INCOMING'),
};

/** A participant is the `from` end of its `PARTICIPATED_IN` relation. */
export const participationResolvers: ParticipationResolvers = {
  participant: async (relation, _, { loaders }) => (await loaders.entity.load(relation.fromId))!,
  role: (relation) => relation.role,
  evidence: (relation, _, context) => loadEvidence(context, relation.evidenceIds),
};

export const statementResolvers: StatementResolvers = {
  ...entityFields,
  text: (statement) => statement.text ?? '',
  speaker: async (statement, _, context) => (await loadRelated(context, statement.id, ['SPOKE'], 'INCOMING'))[0]!,
  event: async (statement, _, context) => (await loadRelated(context, statement.id, ['STATED_AT'], 'OUTGOING'))[0] ?? null,
};

export const sourceResolvers: SourceResolvers = {
  ...entityFields,
  title: (source) => source.source?.title ?? source.id,
  publisher: (source) => source.source?.publisher ?? null,
  publishedOn: (source) => source.source?.publishedOn ?? '',
  language: (source) => source.source?.language ?? '',
  url: (source) => source.source?.url ?? null,
  contentSha256: (source) => source.source?.contentSha256 ?? null,
};

export const projectResolvers: ProjectResolvers = {
  ...entityFields,
  locatedIn: (project, _, context) => loadRelated(context, project.id, ['LOCATED_IN'], 'OUTGOING'),
};

export const facilityResolvers: FacilityResolvers = {
  ...entityFields,
  locatedIn: (facility, _, context) => loadRelated(context, facility.id, ['LOCATED_IN'], 'OUTGOING'),
};

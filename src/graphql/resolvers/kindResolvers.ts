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
import { RELATION_FIELDS } from '../relationFields.js';
import { loadAttributes, loadAttributeValue, loadCountry, loadEnd, loadEvidence, loadFieldRelations, loadFirstRelated, loadRelated, whenLoaded, type MaybePromise } from './loading.js';
import type { EntityModel } from '../../models/EntityModel.js';
import { asDate } from './asDate.js';
import { isDisputed } from '../../models/isDisputed.js';
import { knownDay, mostPreciseDate } from '../../models/mostPreciseDate.js';

export const countryResolvers: CountryResolvers = { ...entityFields };

export const regionResolvers: RegionResolvers = {
  ...entityFields,
  partOf: (region, _, context) => loadRelated(context, region.id, RELATION_FIELDS.Region.partOf),
  country: (region, _, context) => loadCountry(context, region.id),
};

export const organizationResolvers: OrganizationResolvers = {
  ...entityFields,
  legalForm: (organization, _, context) => loadAttributeValue(context, organization.id, 'legalForm'),
  basedIn: (organization, _, context) => loadRelated(context, organization.id, RELATION_FIELDS.Organization.basedIn),
  agreements: (organization, _, context) => loadRelated(context, organization.id, RELATION_FIELDS.Organization.agreements),
};

export const eventResolvers: EventResolvers = {
  ...entityFields,
  date: (event, _, context) =>
    whenLoaded(loadAttributes(context, event.id), (attributes) => {
      const claim = mostPreciseDate(attributes, 'date');
      return knownDay(claim, claim !== null && isDisputed(claim, attributes));
    }),
  dateAsKnown: (event, _, context) => whenLoaded(loadAttributes(context, event.id), (attributes) => mostPreciseDate(attributes, 'date')),
  location: (event, _, context) => loadFirstRelated(context, event.id, RELATION_FIELDS.Event.location),
  agreements: (event, _, context) => loadRelated(context, event.id, RELATION_FIELDS.Event.agreements),
  statements: (event, _, context) => loadRelated(context, event.id, RELATION_FIELDS.Event.statements),
  participants: (event, _, context) => loadFieldRelations(context, event.id, RELATION_FIELDS.Event.participants),
};

/** A participant is the `from` end of its `PARTICIPATED_IN` relation. */
export const participationResolvers: ParticipationResolvers = {
  participant: (relation, _, context) => loadEnd(context, relation.fromId),
  evidence: (relation, _, context) => loadEvidence(context, relation.evidenceIds),
};

export const statementResolvers: StatementResolvers = {
  ...entityFields,
  text: (statement) => statement.text ?? '',
  speaker: (statement, _, context) => loadFirstRelated(context, statement.id, RELATION_FIELDS.Statement.speaker) as MaybePromise<EntityModel>,
  event: (statement, _, context) => loadFirstRelated(context, statement.id, RELATION_FIELDS.Statement.event),
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
  locatedIn: (project, _, context) => loadRelated(context, project.id, RELATION_FIELDS.Project.locatedIn),
};

export const facilityResolvers: FacilityResolvers = {
  ...entityFields,
  locatedIn: (facility, _, context) => loadRelated(context, facility.id, RELATION_FIELDS.Facility.locatedIn),
};

import type { EntityKind, Resolvers } from '../generated/resolversTypes.js';
import type { EntityModel } from '../../models/EntityModel.js';
import { dateScalar } from '../dateScalar.js';
import { agreementPartyResolvers, agreementResolvers } from './agreementResolvers.js';
import { attributeResolvers, evidenceResolvers, relationResolvers } from './factResolvers.js';
import {
  agreementConnectionResolvers,
  agreementEdgeResolvers,
  graphPathResolvers,
  networkEdgeResolvers,
  networkNodeResolvers,
  networkResolvers,
} from './graphResolvers.js';
import {
  countryResolvers,
  eventResolvers,
  facilityResolvers,
  organizationResolvers,
  participationResolvers,
  projectResolvers,
  regionResolvers,
  sourceResolvers,
  statementResolvers,
} from './kindResolvers.js';
import { officeResolvers, personResolvers } from './personResolvers.js';
import { queryResolvers } from './queryResolvers.js';
import { auditQueryResolvers } from './auditResolvers.js';
import { analysisQueryResolvers, factProposalResolvers, mentionResolvers } from './analysisResolvers.js';
import { mutationResolvers } from './mutationResolvers.js';

const TYPE_OF_KIND = {
  COUNTRY: 'Country',
  REGION: 'Region',
  PERSON: 'Person',
  ORGANIZATION: 'Organization',
  EVENT: 'Event',
  AGREEMENT: 'Agreement',
  PROJECT: 'Project',
  FACILITY: 'Facility',
  STATEMENT: 'Statement',
  SOURCE: 'Source',
} as const satisfies Record<EntityKind, string>;

const resolveType = (entity: EntityModel) => TYPE_OF_KIND[entity.kind];

/** Every resolver of the schema. */
export const resolvers: Resolvers = {
  Date: dateScalar,
  Query: { ...queryResolvers, ...auditQueryResolvers, ...analysisQueryResolvers },
  Mention: mentionResolvers,
  FactProposal: factProposalResolvers,
  Mutation: mutationResolvers,
  Node: { __resolveType: resolveType },
  Entity: { __resolveType: resolveType },
  Country: countryResolvers,
  Region: regionResolvers,
  Person: personResolvers,
  Office: officeResolvers,
  Organization: organizationResolvers,
  Event: eventResolvers,
  Participation: participationResolvers,
  Agreement: agreementResolvers,
  AgreementParty: agreementPartyResolvers,
  AgreementConnection: agreementConnectionResolvers,
  AgreementEdge: agreementEdgeResolvers,
  Project: projectResolvers,
  Facility: facilityResolvers,
  Statement: statementResolvers,
  Source: sourceResolvers,
  Relation: relationResolvers,
  Attribute: attributeResolvers,
  Evidence: evidenceResolvers,
  Network: networkResolvers,
  NetworkNode: networkNodeResolvers,
  NetworkEdge: networkEdgeResolvers,
  GraphPath: graphPathResolvers,
};

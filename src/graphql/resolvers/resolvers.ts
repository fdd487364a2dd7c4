import type { EntityKind, Resolvers } from '../generated/resolversTypes.js';
import type { EntityModel } from '../../models/EntityModel.js';
import { dateScalar } from '../dateScalar.js';
import { registryResolvers } from '../fields/registryResolvers.js';
import { attributeResolvers, evidenceResolvers } from './factResolvers.js';
import {
  agreementConnectionResolvers,
  agreementEdgeResolvers,
  graphPathResolvers,
  networkEdgeResolvers,
  networkNodeResolvers,
  networkResolvers,
} from './graphResolvers.js';
import { personResolvers } from './personResolvers.js';
import { queryResolvers } from './queryResolvers.js';
import { auditQueryResolvers } from './auditResolvers.js';
import { overviewQueryResolvers } from './overviewResolvers.js';
import { analysisQueryResolvers, factProposalResolvers, mentionResolvers } from './analysisResolvers.js';
import { mutationResolvers } from './mutationResolvers.js';
import { subscriptionResolvers } from './subscriptionResolvers.js';

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

/** The resolvers written by hand: operations, and fields whose value is more than what they declare they read. */
export const explicitResolvers: Resolvers = {
  Date: dateScalar,
  Query: { ...queryResolvers, ...auditQueryResolvers, ...overviewQueryResolvers, ...analysisQueryResolvers },
  Mention: mentionResolvers,
  FactProposal: factProposalResolvers,
  Mutation: mutationResolvers,
  Subscription: subscriptionResolvers,
  Node: { __resolveType: resolveType },
  Entity: { __resolveType: resolveType },
  Person: personResolvers,
  Attribute: attributeResolvers,
  Evidence: evidenceResolvers,
  Network: networkResolvers,
  NetworkNode: networkNodeResolvers,
  NetworkEdge: networkEdgeResolvers,
  GraphPath: graphPathResolvers,
  AgreementConnection: agreementConnectionResolvers,
  AgreementEdge: agreementEdgeResolvers,
};

/** Every resolver of the schema: those the field registry implies, then the explicit ones over them. */
export const resolvers: Resolvers = mergeResolvers(
  registryResolvers(),
  explicitResolvers as Record<string, object>,
) as Resolvers;

function mergeResolvers(derived: Record<string, object>, explicit: Record<string, object>): Record<string, object> {
  const merged: Record<string, object> = { ...derived };
  for (const [typeName, fields] of Object.entries(explicit))
    merged[typeName] = typeName in merged ? { ...merged[typeName], ...fields } : fields;
  return merged;
}

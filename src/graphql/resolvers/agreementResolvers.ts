import type { AgreementPartyResolvers, AgreementResolvers } from '../generated/resolversTypes.js';
import { entityFields } from './entityFields.js';
import { loadEvidence, loadRelated, loadRelations } from './loading.js';
import { asDate } from './asDate.js';

export const agreementResolvers: AgreementResolvers = {
  ...entityFields,
  // The node's `signedOn` equals the first unretracted signedOn attribute (writers keep it so): no attribute read.
  signedOn: (agreement) => asDate(agreement.signedOn),
  signedAt: async (agreement, _, context) => (await loadRelated(context, agreement.id, ['SIGNED_AT'], 'OUTGOING'))[0] ?? null,
  parties: (agreement, _, context) => loadRelations(context, agreement.id, ['PARTY_TO'], 'INCOMING'),
  signatories: (agreement, _, context) => loadRelated(context, agreement.id, ['SIGNATORY_OF'], 'INCOMING'),
  subjects: (agreement, _, context) => loadRelated(context, agreement.id, ['CONCERNS'], 'OUTGOING'),
};

/** A party is the `from` end of its `PARTY_TO` relation. */
export const agreementPartyResolvers: AgreementPartyResolvers = {
  party: async (relation, _, { loaders }) => (await loaders.entity.load(relation.fromId))!,
  role: (relation) => relation.role,
  evidence: (relation, _, context) => loadEvidence(context, relation.evidenceIds),
};

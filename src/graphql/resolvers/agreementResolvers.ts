import type { AgreementPartyResolvers, AgreementResolvers } from '../generated/resolversTypes.js';
import { entityFields } from './entityFields.js';
import { RELATION_FIELDS } from '../relationFields.js';
import { loadEnd, loadEvidence, loadFieldRelations, loadFirstRelated, loadRelated } from './loading.js';
import { asDate } from './asDate.js';

export const agreementResolvers: AgreementResolvers = {
  ...entityFields,
  // The node's `signedOn` equals the first unretracted signedOn attribute (writers keep it so): no attribute read.
  signedOn: (agreement) => asDate(agreement.signedOn),
  signedAt: (agreement, _, context) => loadFirstRelated(context, agreement.id, RELATION_FIELDS.Agreement.signedAt),
  parties: (agreement, _, context) => loadFieldRelations(context, agreement.id, RELATION_FIELDS.Agreement.parties),
  signatories: (agreement, _, context) => loadRelated(context, agreement.id, RELATION_FIELDS.Agreement.signatories),
  subjects: (agreement, _, context) => loadRelated(context, agreement.id, RELATION_FIELDS.Agreement.subjects),
};

/** A party is the `from` end of its `PARTY_TO` relation. */
export const agreementPartyResolvers: AgreementPartyResolvers = {
  party: (relation, _, context) => loadEnd(context, relation.fromId),
  evidence: (relation, _, context) => loadEvidence(context, relation.evidenceIds),
};

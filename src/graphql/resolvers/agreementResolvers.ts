import type { AgreementPartyResolvers, AgreementResolvers } from '../generated/resolversTypes.js';
import { entityFields } from './entityFields.js';
import { RELATION_FIELDS } from '../relationFields.js';
import { mostPreciseDate } from '../../models/mostPreciseDate.js';
import { loadAttributes, loadEnd, loadEvidence, loadFieldRelations, loadFirstRelated, loadRelated, whenLoaded } from './loading.js';
import { asDate } from './asDate.js';

export const agreementResolvers: AgreementResolvers = {
  ...entityFields,
  // The node keeps the bounds of the most precise signedOn attribute (writers keep it so), and the projection answers
  // the day only when they are equal: no attribute read.
  signedOn: (agreement) => asDate(agreement.signedOn),
  signedDate: (agreement, _, context) => whenLoaded(loadAttributes(context, agreement.id), (attributes) => mostPreciseDate(attributes, 'signedOn')),
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

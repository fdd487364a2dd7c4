import type { RelationModel } from './RelationModel.js';

/** A party to an agreement or a participant in an event: the relation that links it. */
export type ParticipationModel = RelationModel;

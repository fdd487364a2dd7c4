import type { RelationModel } from './RelationModel.js';

/** A relation as a drawn edge, with its date when one of its ends dates it (see `NetworkFilter`). */
export interface NetworkEdgeModel extends RelationModel {
  date: string | null;
}

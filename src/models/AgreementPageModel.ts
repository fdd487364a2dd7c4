import type { EntityModel } from './EntityModel.js';

/** One page of agreements; cursors are opaque to clients. */
export interface AgreementPageModel {
  edges: AgreementEdgeModel[];
  hasNextPage: boolean;
  totalCount: number;
}

/** An agreement on a page and where it stands in the order; its cursor is encoded only when a client asks for it. */
export interface AgreementEdgeModel {
  position: AgreementPosition;
  node: EntityModel;
}

/** Agreements sort by the last day each can have been signed, newest first (undated last), then by id. */
export interface AgreementPosition {
  signedOn: string;
  id: string;
}

import type { AgreementPosition } from '../repositories/createAgreementRepository.js';
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

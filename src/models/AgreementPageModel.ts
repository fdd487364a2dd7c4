import type { EntityModel } from './EntityModel.js';

/** One page of agreements; cursors are opaque to clients. */
export interface AgreementPageModel {
  edges: { cursor: string; node: EntityModel }[];
  hasNextPage: boolean;
  totalCount: number;
}

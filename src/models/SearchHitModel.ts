import type { EntityModel } from './EntityModel.js';

export interface SearchHitModel {
  entity: EntityModel;
  score: number;
}

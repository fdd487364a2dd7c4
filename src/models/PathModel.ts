import type { EntityModel } from './EntityModel.js';
import type { RelationModel } from './RelationModel.js';

/** A chain from one entity to another; `relations[i]` joins `entities[i]` and `entities[i + 1]`. */
export interface PathModel {
  entities: EntityModel[];
  relations: RelationModel[];
}

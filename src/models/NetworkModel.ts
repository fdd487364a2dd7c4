import type { EntityModel } from './EntityModel.js';
import type { RelationModel } from './RelationModel.js';

/** A neighbourhood ready to draw: every relation's ends are among `entities`. */
export interface NetworkModel {
  entities: EntityModel[];
  relations: RelationModel[];
  truncated: boolean;
  /** The date of each dated relation by relation id (see `NetworkFilter` for what dates a relation). */
  relationDates: ReadonlyMap<string, string>;
  /** Language of node labels; set by the API, not the repository. */
  lang?: 'EN' | 'RU' | 'KK';
}

import type { EntityModel } from './EntityModel.js';

/** An entity as a drawn node, labelled in the language the network was asked for. */
export interface NetworkNodeModel {
  entity: EntityModel;
  label: string;
}

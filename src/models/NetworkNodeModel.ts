import type { EntityModel } from './EntityModel.js';
import type { NetworkModel } from './NetworkModel.js';

/** An entity as a drawn node, labelled in the language the network was asked for. */
export interface NetworkNodeModel {
  entity: EntityModel;
  label: string;
  /** The answer the node is drawn in, which its measures are computed over. */
  network: NetworkModel;
}

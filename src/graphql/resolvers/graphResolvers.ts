import type {
  AgreementConnectionResolvers,
  AgreementEdgeResolvers,
  GraphPathResolvers,
  NetworkEdgeResolvers,
  NetworkNodeResolvers,
  NetworkResolvers,
} from '../generated/resolversTypes.js';
import { encodeAgreementCursor } from '../agreementCursor.js';
import { entityName } from '../fields/entityName.js';

export const networkResolvers: NetworkResolvers = {
  nodes: (network) => network.entities.map((entity) => ({ entity, label: entityName(entity, network.lang) })),
  edges: (network) => network.relations,
};

export const networkNodeResolvers: NetworkNodeResolvers = {
  id: ({ entity }) => entity.id,
  kind: ({ entity }) => entity.kind,
};

export const networkEdgeResolvers: NetworkEdgeResolvers = {
  source: (relation) => relation.fromId,
  target: (relation) => relation.toId,
  label: (relation) => relation.role ?? relation.type.toLowerCase().replace(/_/g, ' '),
};

export const graphPathResolvers: GraphPathResolvers = {
  length: (path) => path.relations.length,
  nodes: (path) => path.entities,
};

export const agreementConnectionResolvers: AgreementConnectionResolvers = {
  pageInfo: ({ edges, hasNextPage }) => {
    const last = edges.at(-1);
    return { hasNextPage, endCursor: last ? encodeAgreementCursor(last.position) : null };
  },
};

export const agreementEdgeResolvers: AgreementEdgeResolvers = {
  cursor: ({ position }) => encodeAgreementCursor(position),
};

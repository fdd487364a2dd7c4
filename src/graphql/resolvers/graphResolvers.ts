import type {
  AgreementConnectionResolvers,
  AgreementEdgeResolvers,
  GraphPathResolvers,
  NetworkEdgeResolvers,
  NetworkNodeResolvers,
  NetworkResolvers,
} from '../generated/resolversTypes.js';
import { encodeAgreementCursor } from '../agreementCursor.js';
import { networkMeasures } from '../networkMeasures.js';
import { entityName } from '../fields/entityName.js';

export const networkResolvers: NetworkResolvers = {
  nodes: (network) => network.entities.map((entity) => ({ entity, label: entityName(entity, network.lang), network })),
  edges: (network) =>
    network.relations.map((relation) => ({ ...relation, date: network.relationDates.get(relation.id) ?? null })),
};

export const networkNodeResolvers: NetworkNodeResolvers = {
  id: ({ entity }) => entity.id,
  kind: ({ entity }) => entity.kind,
  // Measured lazily, once per answer, and only when a selection asks.
  degree: ({ entity, network }) => networkMeasures(network).get(entity.id)?.degree ?? 0,
  betweenness: ({ entity, network }) => networkMeasures(network).get(entity.id)?.betweenness ?? 0,
  community: ({ entity, network }) => networkMeasures(network).get(entity.id)?.community ?? 0,
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

import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import type { NetworkModel } from '../models/NetworkModel.js';

/** A node's place in the network it was answered in. */
export interface NodeMeasures {
  /** Edges of the answer that touch the node (parallel relations each count). */
  degree: number;
  /** Normalized betweenness centrality (0–1) over the answer read as an undirected simple graph. */
  betweenness: number;
  /** Louvain community number, 0 for the largest community; nodes with the same number cluster together. */
  community: number;
}

// Both packages are CommonJS (`module.exports = fn`) with typings that declare an ES default export: at run time
// the default import is the function itself.
const louvain = louvainModule as unknown as typeof louvainModule.default;
const betweennessCentrality = betweennessModule as unknown as typeof betweennessModule.default;

const measured = new WeakMap<NetworkModel, ReadonlyMap<string, NodeMeasures>>();

/**
 * Degree, betweenness and Louvain community of every node of `network`, computed once per answer with graphology's
 * maintained implementations. Louvain runs with a fixed seed, so the same answer gets the same communities.
 */
export function networkMeasures(network: NetworkModel): ReadonlyMap<string, NodeMeasures> {
  const known = measured.get(network);
  if (known) return known;
  const graph = new UndirectedGraph();
  const degree = new Map<string, number>();
  for (const entity of network.entities) {
    graph.addNode(entity.id);
    degree.set(entity.id, 0);
  }
  for (const relation of network.relations) {
    degree.set(relation.fromId, (degree.get(relation.fromId) ?? 0) + 1);
    degree.set(relation.toId, (degree.get(relation.toId) ?? 0) + 1);
    if (relation.fromId !== relation.toId && graph.hasNode(relation.fromId) && graph.hasNode(relation.toId))
      graph.mergeEdge(relation.fromId, relation.toId);
  }
  const betweenness = betweennessCentrality(graph, { normalized: true });
  const communities = graph.size > 0 ? louvain(graph, { rng: seededRandom(19) }) : {};
  const numbering = communityNumbering(communities);
  const measures = new Map<string, NodeMeasures>();
  for (const entity of network.entities) {
    const community = communities[entity.id];
    measures.set(entity.id, {
      degree: degree.get(entity.id) ?? 0,
      betweenness: betweenness[entity.id] ?? 0,
      community: community === undefined ? numbering.size + measures.size : (numbering.get(community) ?? 0),
    });
  }
  measured.set(network, measures);
  return measures;
}

/** Renumbers communities by size, largest first, so that numbers do not depend on Louvain's internal order. */
function communityNumbering(communities: Record<string, number>): Map<number, number> {
  const sizes = new Map<number, number>();
  for (const community of Object.values(communities)) sizes.set(community, (sizes.get(community) ?? 0) + 1);
  const order = [...sizes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return new Map(order.map(([community], index) => [community, index]));
}

/** Mulberry32: a small seeded generator, so that Louvain's random visiting order repeats. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

import { write } from 'graphology-gexf';
import type { ExportGraph } from './ExportGraph.js';
import { toGraphology } from './toGraphology.js';

/**
 * GEXF 1.3 for Gephi, written by graphology-gexf: node `label` is the display name, every other export column is a
 * string `attvalue`; whether `limit` cut the network is said in the meta description.
 */
export function serializeGexf(graph: ExportGraph): string {
  const graphology = toGraphology(graph);
  graphology.setAttribute('creator', 'coopgraph');
  graphology.setAttribute('description', graph.truncated ? 'coopgraph network (truncated by limit)' : 'coopgraph network');
  return write(graphology, { version: '1.3', pedantic: true });
}

/**
 * `serializeGexf` as the one chunk it is: graphology-gexf writes the document as one string (from a graphology copy
 * of the graph), so a GEXF export holds about three copies of the network; the export concurrency limit bounds that.
 */
export function* writeGexf(graph: ExportGraph): Generator<string> {
  yield serializeGexf(graph);
}

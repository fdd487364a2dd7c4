import { stringify } from 'csv-stringify/sync';
import { strToU8, zipSync } from 'fflate';
import type { ExportGraph } from './ExportGraph.js';
import { EDGE_COLUMNS, NODE_COLUMNS, toEdgeRow, toNodeRow } from './exportColumns.js';

/** The node list as RFC 4180 CSV (UTF-8, header row, CRLF); an empty cell is a null value. */
export function serializeNodesCsv(graph: ExportGraph): string {
  return stringify(graph.nodes.map(toNodeRow), { header: true, columns: [...NODE_COLUMNS], record_delimiter: 'windows' });
}

/** The edge list as RFC 4180 CSV; `source` and `target` are node ids, `evidence` a JSON array. */
export function serializeEdgesCsv(graph: ExportGraph): string {
  return stringify(graph.edges.map(toEdgeRow), { header: true, columns: [...EDGE_COLUMNS], record_delimiter: 'windows' });
}

/**
 * One zip holding `nodes.csv` and `edges.csv`, so that the page needs one download and a script one request.
 * No byte-order mark: pandas, R and Gephi read UTF-8 as it is.
 */
export function serializeCsvZip(graph: ExportGraph): Uint8Array {
  return zipSync({ 'nodes.csv': strToU8(serializeNodesCsv(graph)), 'edges.csv': strToU8(serializeEdgesCsv(graph)) }, { level: 6 });
}

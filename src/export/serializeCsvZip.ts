import { stringify } from 'csv-stringify/sync';
import { strToU8, zipSync } from 'fflate';
import type { ExportGraph } from './ExportGraph.js';
import { escapeFormula } from './escapeFormula.js';
import { EDGE_COLUMNS, NODE_COLUMNS, toEdgeRow, toNodeRow } from './exportColumns.js';

/**
 * RFC 4180 (UTF-8, header row, CRLF) that spreadsheets cannot be tricked into running: every value is quoted and a
 * value that would start a formula is escaped (see escapeFormula). An empty cell is a null value.
 */
const CSV_OPTIONS = { header: true, record_delimiter: 'windows', quoted: true, cast: { string: escapeFormula } } as const;

/** The node list as CSV. */
export function serializeNodesCsv(graph: ExportGraph): string {
  return stringify(graph.nodes.map(toNodeRow), { ...CSV_OPTIONS, columns: [...NODE_COLUMNS] });
}

/** The edge list as CSV; `source` and `target` are node ids, `evidence` a JSON array. */
export function serializeEdgesCsv(graph: ExportGraph): string {
  return stringify(graph.edges.map(toEdgeRow), { ...CSV_OPTIONS, columns: [...EDGE_COLUMNS] });
}

/**
 * One zip holding `nodes.csv` and `edges.csv`, so that the page needs one download and a script one request.
 * No byte-order mark: pandas, R and Gephi read UTF-8 as it is.
 */
export function serializeCsvZip(graph: ExportGraph): Uint8Array {
  return zipSync({ 'nodes.csv': strToU8(serializeNodesCsv(graph)), 'edges.csv': strToU8(serializeEdgesCsv(graph)) }, { level: 6 });
}

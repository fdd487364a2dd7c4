import { stringify } from 'csv-stringify/sync';
import { strToU8, Zip, ZipDeflate } from 'fflate';
import type { ExportGraph } from './ExportGraph.js';
import { escapeFormula } from './escapeFormula.js';
import { EDGE_COLUMNS, NODE_COLUMNS, toEdgeRow, toNodeRow } from './exportColumns.js';

/**
 * RFC 4180 (UTF-8, header row, CRLF) that spreadsheets cannot be tricked into running: every value is quoted and a
 * value that would start a formula is escaped (see escapeFormula). An empty cell is a null value.
 */
const CSV_OPTIONS = { record_delimiter: 'windows', quoted: true, cast: { string: escapeFormula } } as const;

/** Rows stringified and compressed at a time: large enough to be cheap, small enough to stay a few hundred KB. */
const ROWS_PER_BATCH = 500;

/** The node list as CSV. */
export function serializeNodesCsv(graph: ExportGraph): string {
  return [...csvBatches(graph.nodes.map(toNodeRow), NODE_COLUMNS)].join('');
}

/** The edge list as CSV; `source` and `target` are node ids, `evidence` a JSON array. */
export function serializeEdgesCsv(graph: ExportGraph): string {
  return [...csvBatches(graph.edges.map(toEdgeRow), EDGE_COLUMNS)].join('');
}

/**
 * Each file starts with a UTF-8 byte-order mark: without it Excel opens a CSV in the machine's legacy code page and
 * Cyrillic and Kazakh names turn to mojibake. pandas, R's readr and Gephi skip the mark; XLSX would need a second,
 * non-streaming writer for the same table, so the mark is the cheaper fix.
 */
const BOM = '\uFEFF';

/**
 * One zip holding `nodes.csv`, `edges.csv` and `graph.csv` (one row: `truncated`, `directed`), so that the page
 * needs one download and a script one request, written a batch of rows at a time (fflate's streaming Zip) so that
 * no file exists whole in memory.
 */
export function* writeCsvZip(graph: ExportGraph): Generator<Uint8Array> {
  const out: Uint8Array[] = [];
  const zip = new Zip((error, data) => {
    if (error) throw error;
    out.push(data);
  });
  const files = [
    { name: 'nodes.csv', batches: csvBatches(lazyMap(graph.nodes, toNodeRow), NODE_COLUMNS) },
    { name: 'edges.csv', batches: csvBatches(lazyMap(graph.edges, toEdgeRow), EDGE_COLUMNS) },
    {
      name: 'graph.csv',
      batches: csvBatches(
        [{ truncated: String(graph.truncated), directed: String(graph.directed) }],
        ['truncated', 'directed'],
      ),
    },
  ];
  for (const { name, batches } of files) {
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    for (const batch of batches) {
      file.push(strToU8(batch));
      yield* out.splice(0);
    }
    file.push(new Uint8Array(0), true);
    yield* out.splice(0);
  }
  zip.end();
  yield* out.splice(0);
}

/** `writeCsvZip` as one byte array. */
export function serializeCsvZip(graph: ExportGraph): Uint8Array {
  const parts = [...writeCsvZip(graph)];
  const bytes = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}

/** The rows as CSV text in batches; the first batch starts with the header row. */
function* csvBatches<Column extends string>(
  rows: Iterable<Record<Column, string | null>>,
  columns: readonly Column[],
): Generator<string> {
  let batch: Record<Column, string | null>[] = [];
  let header = true;
  let prefix = BOM;
  for (const row of rows) {
    batch.push(row);
    if (batch.length === ROWS_PER_BATCH) {
      yield prefix + stringify(batch, { ...CSV_OPTIONS, header, columns: [...columns] });
      header = false;
      prefix = '';
      batch = [];
    }
  }
  if (batch.length > 0 || header) yield prefix + stringify(batch, { ...CSV_OPTIONS, header, columns: [...columns] });
}

function* lazyMap<T, U>(items: readonly T[], map: (item: T) => U): Generator<U> {
  for (const item of items) yield map(item);
}

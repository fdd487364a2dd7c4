import type { ExportGraph } from './ExportGraph.js';
import { writeCsvZip } from './serializeCsvZip.js';
import { writeCytoscapeJson } from './serializeCytoscapeJson.js';
import { writeGexf } from './serializeGexf.js';
import { writeGraphml } from './serializeGraphml.js';
import { writeFtm } from './serializeFtm.js';

export const EXPORT_FORMAT_NAMES = ['graphml', 'gexf', 'csv', 'cytoscape', 'ftm'] as const;
export type ExportFormatName = (typeof EXPORT_FORMAT_NAMES)[number];

/** How one format is written and sent. */
export interface ExportFormat {
  contentType: string;
  /** The downloaded file's extension, without the dot. */
  extension: string;
  /** The file in chunks, written as they are taken, so that a response can stream it. */
  write(graph: ExportGraph): Iterable<string | Uint8Array>;
}

/** Every export format by its URL name. */
export const EXPORT_FORMATS: Record<ExportFormatName, ExportFormat> = {
  graphml: { contentType: 'application/graphml+xml; charset=utf-8', extension: 'graphml', write: writeGraphml },
  gexf: { contentType: 'application/gexf+xml; charset=utf-8', extension: 'gexf', write: writeGexf },
  csv: { contentType: 'application/zip', extension: 'csv.zip', write: writeCsvZip },
  cytoscape: { contentType: 'application/json; charset=utf-8', extension: 'cyjs', write: writeCytoscapeJson },
  ftm: { contentType: 'application/x-ndjson; charset=utf-8', extension: 'ftm.jsonl', write: writeFtm },
};

export function isExportFormatName(value: string): value is ExportFormatName {
  return (EXPORT_FORMAT_NAMES as readonly string[]).includes(value);
}

import type { ExportGraph } from './ExportGraph.js';
import { serializeCsvZip } from './serializeCsvZip.js';
import { serializeCytoscapeJson } from './serializeCytoscapeJson.js';
import { serializeGexf } from './serializeGexf.js';
import { serializeGraphml } from './serializeGraphml.js';

export const EXPORT_FORMAT_NAMES = ['graphml', 'gexf', 'csv', 'cytoscape'] as const;
export type ExportFormatName = (typeof EXPORT_FORMAT_NAMES)[number];

/** How one format is written and sent. */
export interface ExportFormat {
  contentType: string;
  /** The downloaded file's extension, without the dot. */
  extension: string;
  serialize(graph: ExportGraph): string | Uint8Array;
}

/** Every export format by its URL name. */
export const EXPORT_FORMATS: Record<ExportFormatName, ExportFormat> = {
  graphml: { contentType: 'application/graphml+xml; charset=utf-8', extension: 'graphml', serialize: serializeGraphml },
  gexf: { contentType: 'application/gexf+xml; charset=utf-8', extension: 'gexf', serialize: serializeGexf },
  csv: { contentType: 'application/zip', extension: 'csv.zip', serialize: serializeCsvZip },
  cytoscape: { contentType: 'application/json; charset=utf-8', extension: 'cyjs', serialize: serializeCytoscapeJson },
};

export function isExportFormatName(value: string): value is ExportFormatName {
  return (EXPORT_FORMAT_NAMES as readonly string[]).includes(value);
}

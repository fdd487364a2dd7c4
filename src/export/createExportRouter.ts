import express from 'express';
import type { ExportGraph } from './ExportGraph.js';
import { EXPORT_FORMATS, EXPORT_FORMAT_NAMES, isExportFormatName } from './exportFormats.js';
import { parseExportQuery, type ExportQuery } from './parseExportQuery.js';
import { toExportErrorResponse } from './toExportErrorResponse.js';

export interface ExportRouterOptions {
  /** Reads the network for validated arguments; throws a GraphQLError (BAD_USER_INPUT, SERVICE_UNAVAILABLE) or a driver error. */
  loadGraph: (args: ExportQuery) => Promise<ExportGraph>;
  /** Called with errors answered with 500, for logging; they are not shown to the client. */
  onUnexpectedError?: (error: unknown) => void;
}

/**
 * `GET /export/{graphml|gexf|csv|cytoscape}?ids=a,b&depth=1&limit=200&lang=EN`: the `network` result as a download
 * named after the first id and the format. Bad arguments answer 400 `{ error: { code: 'BAD_USER_INPUT', message } }`
 * naming the argument, an unreachable database 503 `SERVICE_UNAVAILABLE`. Mount it at the application's root.
 */
export function createExportRouter(options: ExportRouterOptions): express.Router {
  const router = express.Router();

  router.get('/export/:format', async (req, res) => {
    res.set('Cache-Control', 'no-store');
    const format = req.params.format;
    if (!isExportFormatName(format)) {
      res.status(404).json({ error: { code: 'BAD_USER_INPUT', message: `Unknown export format "${format}": expected one of ${EXPORT_FORMAT_NAMES.join(', ')}.` } });
      return;
    }
    const parsed = parseExportQuery(req.query);
    if (!parsed.ok) {
      res.status(400).json({ error: { code: 'BAD_USER_INPUT', message: parsed.problem.message } });
      return;
    }
    let graph: ExportGraph;
    try {
      graph = await options.loadGraph(parsed.value);
    } catch (error) {
      const response = toExportErrorResponse(error);
      if (response.status === 500) options.onUnexpectedError?.(error);
      if (response.status === 503) res.set('Retry-After', '5');
      res.status(response.status).json(response.body);
      return;
    }
    const { contentType, extension, serialize } = EXPORT_FORMATS[format];
    const body = serialize(graph);
    res
      .status(200)
      .type(contentType)
      .set('Content-Disposition', contentDisposition(`${fileStem(parsed.value.ids)}.${extension}`))
      .set('X-Content-Type-Options', 'nosniff')
      .set('X-Network-Truncated', String(graph.truncated))
      .send(typeof body === 'string' ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength));
  });

  return router;
}

/** `coopgraph-organization-ktz` for one id, `coopgraph-organization-ktz-and-2-more` for several; ids are ASCII slugs. */
function fileStem(ids: readonly string[]): string {
  const [first = 'network'] = ids;
  const more = ids.length > 1 ? `-and-${ids.length - 1}-more` : '';
  return `coopgraph-${first.replace(/[^a-z0-9-]/g, '-')}${more}`;
}

function contentDisposition(filename: string): string {
  return `attachment; filename="${filename}"`;
}

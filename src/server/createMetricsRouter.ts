import { createHash, timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import { isExportFormatName } from '../export/exportFormats.js';
import type { Metrics } from './createMetrics.js';

export interface MetricsRouterOptions {
  metrics: Metrics;
  /** When set, `/metrics` needs `Authorization: Bearer <token>`; unset, it is open. */
  token?: string | undefined;
}

/**
 * `GET /metrics`: the server's metrics in Prometheus text format, behind a bearer token when one is configured (a
 * separate secret, so a scraper holds no API key). Also times `/export/:format` requests; mount it before the export
 * routes and their gate so refused exports are counted too.
 */
export function createMetricsRouter({ metrics, token }: MetricsRouterOptions): Router {
  const router = Router();
  const expected = token === undefined ? null : digest(`Bearer ${token}`);
  router.get('/metrics', async (request, response) => {
    response.set('Cache-Control', 'no-store');
    if (expected && !timingSafeEqual(digest(request.headers.authorization ?? ''), expected)) {
      response
        .status(401)
        .set('WWW-Authenticate', 'Bearer')
        .json({
          error: {
            code: 'UNAUTHENTICATED',
            message: 'The metrics need a bearer token: send "Authorization: Bearer <METRICS_TOKEN>".',
          },
        });
      return;
    }
    response.type(metrics.contentType).send(await metrics.render());
  });
  router.use('/export', (request, response, next) => {
    const started = performance.now();
    const name = request.path.slice(1); // relative to /export here; Express restores the full path by `finish`
    response.on('finish', () => {
      const labels = { format: isExportFormatName(name) ? name : 'unknown', status: String(response.statusCode) };
      metrics.exportRequests.inc(labels);
      metrics.exportDuration.observe(labels, (performance.now() - started) / 1000);
    });
    next();
  });
  return router;
}

/** Equal-length digests, so the comparison takes the same time whatever the header holds. */
function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

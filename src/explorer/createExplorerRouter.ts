import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';

export interface ExplorerRouterOptions {
  /** Where the page finds this API's GraphQL endpoint; default `/graphql`. `?api=` on the page overrides it. */
  graphqlPath?: string;
  /** Where the export router is mounted; default `/export`. */
  exportPath?: string;
}

const PUBLIC_DIR = join(dirname(fileURLToPath(import.meta.url)), 'public');
/** Cytoscape's own dist folder, served as it is published, so the page needs no bundler. */
const CYTOSCAPE_DIR = dirname(createRequire(import.meta.url).resolve('cytoscape'));

/** Narrow enough for the page's own code; `connect-src *` lets `?api=` reach a GraphQL endpoint on another origin. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Cytoscape adds a <style> element for its container.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  'connect-src *',
  "object-src 'none'",
  "base-uri 'self'",
  // The page is meant to be embedded in an <iframe> anywhere.
  'frame-ancestors *',
].join('; ');

/**
 * `GET /explore`: the network explorer page (with `?ids=kind/slug,…&depth=1–3&embed=1&lang=EN|RU|KK&api=URL`), its
 * ES modules under `/explore/assets/` and Cytoscape.js under `/explore/vendor/cytoscape/`. Mount it at the root of
 * the application that serves GraphQL and the export router.
 */
export function createExplorerRouter(options: ExplorerRouterOptions = {}): express.Router {
  const router = express.Router({ strict: true });
  const template = readFileSync(join(PUBLIC_DIR, 'index.html'), 'utf8');

  router.get(['/explore', '/explore/'], (req, res) => {
    const html = template
      .replaceAll('{{base}}', escapeAttribute(`${req.baseUrl}/explore/`))
      .replaceAll('{{graphqlPath}}', escapeAttribute(options.graphqlPath ?? `${req.baseUrl}/graphql`))
      .replaceAll('{{exportPath}}', escapeAttribute(options.exportPath ?? `${req.baseUrl}/export`));
    res.set({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    });
    res.type('html').send(html);
  });
  // Public code: any page may load it as a module (`<coopgraph-network>`), which needs CORS on module scripts.
  const anyOrigin = (res: express.Response) => res.setHeader('Access-Control-Allow-Origin', '*');
  router.use(
    '/explore/assets',
    express.static(PUBLIC_DIR, { index: false, fallthrough: false, maxAge: '5m', setHeaders: anyOrigin }),
  );
  router.use(
    '/explore/vendor/cytoscape',
    express.static(CYTOSCAPE_DIR, { index: false, fallthrough: false, maxAge: '1d', setHeaders: anyOrigin }),
  );
  return router;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

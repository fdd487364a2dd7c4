import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';

export interface CurateRouterOptions {
  /** Where the page finds this API's GraphQL endpoint; default `/graphql` under the router's mount point. */
  graphqlPath?: string;
}

const PUBLIC_DIR = join(dirname(fileURLToPath(import.meta.url)), 'public');
/** transliteration's browser build (and the chunk it imports), served as published: ids are slugs of names. */
const TRANSLITERATION_DIR = join(dirname(createRequire(import.meta.url).resolve('transliteration')), '../../..');

/**
 * The page sends an editor's key, so it talks to its own origin only and may not be framed (no clickjacking of a
 * submit button); its modules come from this origin, the explorer's shared ones included.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * `GET /curate`: the curation page, where an editor turns a text into reviewed facts (`analyzeText`, then one
 * `submitSource`); its ES modules under `/curate/assets/`. It reuses the explorer's DOM and search modules from
 * `/explore/assets/`, so mount it beside the explorer router.
 */
export function createCurateRouter(options: CurateRouterOptions = {}): express.Router {
  const router = express.Router({ strict: true });
  const template = readFileSync(join(PUBLIC_DIR, 'index.html'), 'utf8');

  router.get(['/curate', '/curate/'], (req, res) => {
    const html = template
      .replaceAll('{{base}}', escapeAttribute(`${req.baseUrl}/curate/`))
      .replaceAll('{{graphqlPath}}', escapeAttribute(options.graphqlPath ?? `${req.baseUrl}/graphql`));
    res.set({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
    res.type('html').send(html);
  });
  router.use('/curate/assets', express.static(PUBLIC_DIR, { index: false, fallthrough: false, maxAge: '5m' }));
  router.use(
    '/curate/vendor/transliteration',
    express.static(TRANSLITERATION_DIR, { index: false, fallthrough: false, maxAge: '1d' }),
  );
  return router;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

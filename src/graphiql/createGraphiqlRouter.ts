import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { GRAPHIQL_PATH, graphiqlPage } from './graphiqlPage.js';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/**
 * The files the page loads, each from the npm package that publishes it. GraphiQL 3 is the last line published
 * with a prebuilt browser bundle (4 and 5 need a bundler and Monaco workers), so it is served as it is shipped.
 */
const ASSETS: Readonly<Record<string, string>> = {
  'graphiql.min.css': join(packageDir('graphiql'), 'graphiql.min.css'),
  'graphiql.min.js': join(packageDir('graphiql'), 'graphiql.min.js'),
  'react.production.min.js': join(packageDir('react'), 'umd/react.production.min.js'),
  'react-dom.production.min.js': join(packageDir('react-dom'), 'umd/react-dom.production.min.js'),
  'start.js': join(dirname(fileURLToPath(import.meta.url)), 'public/start.js'),
};

/** GraphiQL styles itself inline and reaches only the GraphQL endpoint; fonts and images are its own. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

/** `GET /graphiql`: a self-hosted GraphiQL on `graphqlPath` (`?query=` and `?variables=` prefill it), and its assets. */
export function createGraphiqlRouter({ graphqlPath = '/graphql' }: { graphqlPath?: string } = {}): express.Router {
  const router = express.Router({ strict: true });
  router.get([GRAPHIQL_PATH, `${GRAPHIQL_PATH}/`], (_req, res) => {
    res.set({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    });
    res.type('html').send(graphiqlPage(graphqlPath));
  });
  router.get(`${GRAPHIQL_PATH}/assets/:file`, (req, res) => {
    const file = ASSETS[req.params.file];
    if (!file) return void res.status(404).type('text').send('Not found');
    res.sendFile(file, { maxAge: '1d', headers: { 'X-Content-Type-Options': 'nosniff' } });
  });
  return router;
}

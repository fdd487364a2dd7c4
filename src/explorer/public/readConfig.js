import { parseColorBy, parseSizeBy } from './displayOptions.js';

export const ID_PATTERN = /^[a-z]+\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The page's settings from its URL and the server's meta tags: `ids` (comma-separated or repeated `kind/slug`),
 * `depth` (1–3), `lang` (EN, RU, KK), `embed=1` (graph only), `api` (an absolute http(s) GraphQL URL on any origin;
 * exports are then read from `/export` on that origin), `labelSize` (node label size in pixels, 8–20, default 11)
 * `legend` (`1` shows the legend over an embedded graph), `sizeBy` (`degree` or `betweenness`: node size by that
 * centrality; default one size) and `colorBy` (`community`: fill by Louvain community; default `kind`).
 */
export function readConfig(location = window.location, doc = document) {
  const params = new URL(location.href).searchParams;
  const meta = (name) => doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? '';
  const api = parseApi(params.get('api'));
  const graphqlUrl = api ?? new URL(meta('coopgraph-graphql') || '/graphql', location.href).href;
  const exportBase = api
    ? new URL('/export', api).href
    : new URL(meta('coopgraph-export') || '/export', location.href).href;
  const ids = params
    .getAll('ids')
    .flatMap((value) => value.split(','))
    .map((id) => id.trim())
    .filter((id) => ID_PATTERN.test(id));
  const depth = clampInt(params.get('depth'), 1, 3, 1);
  const lang = ['EN', 'RU', 'KK'].includes((params.get('lang') ?? '').toUpperCase())
    ? params.get('lang').toUpperCase()
    : 'EN';
  const embed = params.get('embed') === '1' || params.get('embed') === 'true';
  const labelSize = clampInt(params.get('labelSize'), 8, 20, 11);
  const legend = params.get('legend') === '1' || params.get('legend') === 'true';
  const sizeBy = parseSizeBy(params.get('sizeBy'));
  const colorBy = parseColorBy(params.get('colorBy') ?? params.get('colourBy'));
  return { graphqlUrl, exportBase, ids: [...new Set(ids)], depth, lang, embed, labelSize, legend, sizeBy, colorBy };
}

function parseApi(value) {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function clampInt(value, min, max, fallback) {
  const number = Number.parseInt(value ?? '', 10);
  return Number.isInteger(number) ? Math.min(max, Math.max(min, number)) : fallback;
}

/**
 * How nodes are drawn beyond their kind's shape: `sizeBy` scales them by a centrality of the network answer that
 * drew them (`degree` or `betweenness`; `none` keeps one size), `colorBy` fills them by `kind` or by Louvain
 * `community`. The defaults draw the page as before: one size, colour by kind.
 */
export const SIZE_BY = ['none', 'degree', 'betweenness'];
export const COLOR_BY = ['kind', 'community'];

/** A `sizeBy` from a URL parameter or attribute; anything else is `none`. */
export function parseSizeBy(value) {
  const lower = String(value ?? '').toLowerCase();
  return SIZE_BY.includes(lower) ? lower : 'none';
}

/** A `colorBy` from a URL parameter or attribute; anything else is `kind`. */
export function parseColorBy(value) {
  const lower = String(value ?? '').toLowerCase();
  return COLOR_BY.includes(lower) ? lower : 'kind';
}

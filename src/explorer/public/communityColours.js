/**
 * Fills for communities, largest first: Paul Tol's "muted" scheme, told apart by colour-blind readers too. Communities
 * past the ninth share the grey, so that colours never repeat for different communities.
 */
export const COMMUNITY_COLOURS = [
  '#CC6677',
  '#332288',
  '#DDCC77',
  '#117733',
  '#88CCEE',
  '#882255',
  '#44AA99',
  '#999933',
  '#AA4499',
];

/** The fill of the smaller communities past the palette, and of nodes no network answer measured. */
export const OTHER_COMMUNITY_COLOUR = '#DDDDDD';

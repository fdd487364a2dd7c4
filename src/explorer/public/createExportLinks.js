import { h, replaceChildren } from './dom.js';

const FORMATS = [
  ['graphml', 'GraphML', 'Gephi, yEd, networkx, igraph'],
  ['gexf', 'GEXF', 'Gephi'],
  ['csv', 'CSV (zip)', 'nodes.csv and edges.csv'],
  ['cytoscape', 'Cytoscape JSON', 'Cytoscape, Cytoscape.js'],
];
const MAX_IDS = 50;

/**
 * Download links for the current view: the export endpoints re-read `network` around the ids the view was built
 * from (searched, linked and expanded entities) at the page's depth, so a file holds at least what is drawn.
 */
export function createExportLinks(section, { exportBase, depth, lang }) {
  const note = h('p', { class: 'note' });
  const links = FORMATS.map(([format, label, tools]) =>
    h('a', { 'data-format': format, title: `For ${tools}` }, label),
  );
  replaceChildren(
    section,
    h('h2', { id: 'exports-title' }, 'Download this network'),
    h('div', { class: 'exports-list' }, ...links),
    note,
  );

  return {
    update(ids, currentLang = lang) {
      const usable = ids.length > 0 && ids.length <= MAX_IDS;
      for (const link of links) {
        if (!usable) {
          link.removeAttribute('href');
          link.setAttribute('aria-disabled', 'true');
          continue;
        }
        const url = new URL(`${exportBase.replace(/\/$/, '')}/${link.dataset.format}`);
        url.searchParams.set('ids', ids.join(','));
        url.searchParams.set('depth', String(depth));
        url.searchParams.set('limit', '5000');
        url.searchParams.set('lang', currentLang);
        link.href = url.href;
        link.setAttribute('download', '');
        link.removeAttribute('aria-disabled');
      }
      note.textContent =
        ids.length === 0
          ? 'Nothing to download yet.'
          : usable
            ? `Neighbourhood of ${ids.length} entit${ids.length === 1 ? 'y' : 'ies'} at depth ${depth}, with names, kinds, relation types and evidence.`
            : `Exports take at most ${MAX_IDS} starting entities; this view has ${ids.length}.`;
    },
  };
}

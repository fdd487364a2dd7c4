import { createDetailsPanel } from './createDetailsPanel.js';
import { createExportLinks } from './createExportLinks.js';
import { createGraphqlClient } from './createGraphqlClient.js';
import { createGraphView } from './createGraphView.js';
import { createPathFinder } from './createPathFinder.js';
import { createSearchCombobox } from './createSearchCombobox.js';
import { createTimelineFilter } from './createTimelineFilter.js';
import { createVisibleList } from './createVisibleList.js';
import { h } from './dom.js';
import { typeInWords } from './kindStyles.js';
import { ENTITY_QUERY, NETWORK_QUERY, PATH_QUERY, SEARCH_QUERY } from './queries.js';
import { readConfig } from './readConfig.js';
import { renderLegend } from './renderLegend.js';

const config = readConfig();
if (config.embed) document.documentElement.dataset.embed = '';
const request = createGraphqlClient(config.graphqlUrl);
const byId = (id) => document.getElementById(id);
const status = byId('status');
let lang = config.lang;
/** The entities the view was built from (URL ids, picked, expanded, path ends): what the export links ask for. */
const seeds = new Set(config.ids);

const view = createGraphView(byId('graph'), { lang, onNodeTap: (id) => activate(id), onEdgeTap: (edge) => showRelation(edge), onChange: refresh });
const details = createDetailsPanel(byId('details'));
const timeline = createTimelineFilter(byId('timeline'), view);
const exportLinks = createExportLinks(byId('exports'), { exportBase: config.exportBase, depth: config.depth, lang });
const visibleList = createVisibleList(byId('visible-summary'), byId('visible-list'), { onActivate: (id) => activate(id) });
renderLegend(byId('legend'));
// Lets tests and curious people reach the Cytoscape instance from the console.
window.coopgraphExplorer = { cy: view.cy };

async function search(text, signal) {
  const data = await request(SEARCH_QUERY, { query: text, lang }, signal);
  return data.search.map(({ entity }) => ({ id: entity.id, kind: entity.kind, name: entity.name }));
}

const searchBox = createSearchCombobox({
  label: 'Search entities',
  placeholder: 'Search: КТЖ, Almaty, Воробьев…',
  search,
  onPick: (hit) => {
    if (!view.has(hit.id)) view.merge({ nodes: [{ id: hit.id, kind: hit.kind, label: hit.name }], edges: [] });
    activate(hit.id);
  },
});
byId('search').append(searchBox.element);

createPathFinder(byId('path'), { search, findPath });

const langSelect = byId('lang');
langSelect.value = lang;
langSelect.addEventListener('change', () => {
  lang = langSelect.value;
  document.documentElement.lang = lang.toLowerCase();
  view.setLang(lang);
});

function setStatus(text, state) {
  status.textContent = text;
  document.body.dataset.state = state;
}

function refresh() {
  visibleList.render(view.visibleNodes(), view.visibleEdgeCount());
  timeline.refresh();
  exportLinks.update([...seeds], lang);
}

/** Draws the neighbourhood of `ids` and marks them expanded. */
async function loadNetwork(ids, depth, aroundId) {
  setStatus('Loading…', 'loading');
  try {
    const { network } = await request(NETWORK_QUERY, { ids, depth, lang });
    for (const id of ids) seeds.add(id);
    view.merge(network, aroundId);
    for (const id of ids) view.markExpanded(id);
    refresh();
    setStatus(network.truncated ? 'Only the best-connected 500 entities are drawn.' : '', 'ready');
  } catch (error) {
    setStatus(`Could not load the network: ${error.message}`, 'error');
  }
}

/** What clicking a node does: select it, show its details and, the first time, expand its neighbours. */
async function activate(id) {
  view.select(id);
  const expanding = view.isExpanded(id) ? Promise.resolve() : loadNetwork([id], 1, id);
  if (!config.embed) await Promise.all([showEntity(id), expanding]);
  else await expanding;
  view.select(id);
}

async function showEntity(id) {
  details.showLoading('Loading details…');
  try {
    const { entity } = await request(ENTITY_QUERY, { id, lang });
    if (entity) details.showEntity(entity);
    else details.showError(`No entity ${id}.`);
  } catch (error) {
    details.showError(`Could not load details: ${error.message}`);
  }
}

function showRelation(edge) {
  details.showRelation(edge, view.labelOf(edge.source), view.labelOf(edge.target));
}

async function findPath(fromId, toId) {
  try {
    const { path } = await request(PATH_QUERY, { from: fromId, to: toId, lang });
    if (!path) return 'No path of at most 6 relations joins them.';
    const nodes = path.nodes.map((node) => ({ id: node.id, kind: node.kind, label: node.name, names: node.names, signedOn: node.signedOn }));
    const edges = path.relations.map((relation) => ({ id: relation.id, source: relation.from.id, target: relation.to.id, type: relation.type, label: relation.role ?? typeInWords(relation.type), basis: relation.basis, inference: relation.inference, evidence: relation.evidence }));
    for (const node of nodes) seeds.add(node.id);
    view.merge({ nodes, edges });
    setStatus('', 'ready');
    view.highlightPath([...nodes.map((node) => node.id), ...edges.map((edge) => edge.id)]);
    details.showPath(path, (id) => view.labelOf(id));
    return `Path of ${path.length} relation${path.length === 1 ? '' : 's'} drawn in bold.`;
  } catch (error) {
    return `Could not find a path: ${error.message}`;
  }
}

if (config.embed) {
  const full = new URL(window.location.href);
  full.searchParams.delete('embed');
  byId('graph').after(h('a', { class: 'embed-link', href: full.href, target: '_blank', rel: 'noopener' }, 'Open in coopgraph explorer'));
}

refresh();
if (config.ids.length > 0) loadNetwork(config.ids, config.depth);
else setStatus(config.embed ? 'No ids given.' : 'Search for an entity to start.', 'ready');

import { createDetailsPanel } from './createDetailsPanel.js';
import { createEmbedChannel } from './createEmbedChannel.js';
import { createExportLinks } from './createExportLinks.js';
import { createGraphqlClient } from './createGraphqlClient.js';
import { createGraphView } from './createGraphView.js';
import { createPathFinder } from './createPathFinder.js';
import { createSearchCombobox } from './createSearchCombobox.js';
import { createTimelineFilter } from './createTimelineFilter.js';
import { createVisibleList } from './createVisibleList.js';
import { h } from './dom.js';
import { typeInWords } from './kindStyles.js';
import { ENTITY_QUERY, NETWORK_QUERY, OVERVIEW_QUERY, PATH_QUERY, SEARCH_QUERY } from './queries.js';
import { ID_PATTERN, readConfig } from './readConfig.js';
import { renderLegend } from './renderLegend.js';

const config = readConfig();
if (config.embed) document.documentElement.dataset.embed = '';
const request = createGraphqlClient(config.graphqlUrl);
const byId = (id) => document.getElementById(id);
const status = byId('status');
let lang = config.lang;
let depth = config.depth;
/** The entities the view was built from (URL ids, picked, expanded, path ends): what the export links ask for. */
const seeds = new Set(config.ids);

const view = createGraphView(byId('graph'), {
  lang,
  labelSize: config.labelSize,
  sizeBy: config.sizeBy,
  colorBy: config.colorBy,
  onNodeTap: (id) => activate(id),
  onEdgeTap: (edge) => showRelation(edge),
  onChange: refresh,
});
const details = createDetailsPanel(byId('details'));
const timeline = createTimelineFilter(byId('timeline'), view);
const exportLinks = createExportLinks(byId('exports'), { exportBase: config.exportBase, depth: config.depth, lang });
const visibleList = createVisibleList(byId('visible-summary'), byId('visible-list'), {
  onActivate: (id) => activate(id),
});
/** Where the legend is drawn: the side panel, or over the graph in an embed with `legend=1`. */
let legendSection = byId('legend');
if (config.embed && config.legend) {
  legendSection = h('section', { class: 'embed-legend', 'aria-labelledby': 'legend-title' });
  byId('legend').removeAttribute('aria-labelledby');
  byId('legend').replaceChildren();
  byId('graph').after(legendSection);
}
renderLegend(legendSection, view.legend());
const embed = createEmbedChannel({ onCommand: runCommand });
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

for (const [id, option] of [
  ['size-by', 'sizeBy'],
  ['color-by', 'colorBy'],
]) {
  const select = byId(id);
  select.value = config[option];
  select.addEventListener('change', () => view.setDisplay({ [option]: select.value }));
}

const langSelect = byId('lang');
langSelect.value = lang;
langSelect.addEventListener('change', () => setLang(langSelect.value));

function setLang(value) {
  lang = value;
  langSelect.value = value;
  document.documentElement.lang = lang.toLowerCase();
  view.setLang(lang);
}

/** Carries out a command from the embedding page; returns why it cannot, or nothing. */
async function runCommand(command) {
  switch (command.type) {
    case 'focus': {
      const ids = Array.isArray(command.ids) ? command.ids : [];
      if (ids.length === 0 || ids.length > 50 || !ids.every((id) => typeof id === 'string' && ID_PATTERN.test(id))) {
        return 'focus: expected ids, a list of 1 to 50 ids such as "organization/ktz"';
      }
      await loadNetwork(ids, depth);
      view.select(ids[0]);
      return undefined;
    }
    case 'setDepth': {
      if (!Number.isInteger(command.depth) || command.depth < 1 || command.depth > 3)
        return 'setDepth: expected depth, a whole number from 1 to 3';
      depth = command.depth;
      const ids = [...seeds];
      view.clear();
      if (ids.length > 0) await loadNetwork(ids, depth);
      return undefined;
    }
    case 'setLanguage': {
      const value = typeof command.lang === 'string' ? command.lang.toUpperCase() : '';
      if (!['EN', 'RU', 'KK'].includes(value)) return 'setLanguage: expected lang, one of EN, RU, KK';
      setLang(value);
      embed.post('languageChanged', { lang: value });
      return undefined;
    }
    case 'findPath': {
      if (
        typeof command.fromId !== 'string' ||
        !ID_PATTERN.test(command.fromId) ||
        typeof command.toId !== 'string' ||
        !ID_PATTERN.test(command.toId)
      ) {
        return 'findPath: expected fromId and toId, ids such as "organization/ktz"';
      }
      const outcome = await findPath(command.fromId, command.toId);
      return outcome.startsWith('Path of') ? undefined : `findPath: ${outcome}`;
    }
    default:
      return `unknown command ${JSON.stringify(String(command.type))}: expected focus, setDepth, setLanguage or findPath`;
  }
}

function setStatus(text, state) {
  status.textContent = text;
  document.body.dataset.state = state;
}

function refresh() {
  visibleList.render(view.visibleNodes(), view.visibleEdgeCount());
  renderLegend(legendSection, view.legend());
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
    embed.post('networkLoaded', { ids, depth, nodeCount: view.nodeIds().length, truncated: network.truncated });
    watchChanges();
    if (aroundId)
      embed.post('nodeExpanded', {
        id: aroundId,
        nodeCount: view.nodeIds().length,
        addedIds: network.nodes.map((node) => node.id),
      });
  } catch (error) {
    setStatus(`Could not load the network: ${error.message}`, 'error');
  }
}

/** What clicking a node does: select it, show its details and, the first time, expand its neighbours. */
async function activate(id) {
  view.select(id);
  embed.post('nodeSelected', { id, kind: view.cy.getElementById(id).data('kind'), label: view.labelOf(id) });
  const expanding = view.isExpanded(id) ? Promise.resolve() : loadNetwork([id], 1, id);
  if (!config.embed) await Promise.all([showEntity(id), expanding]);
  else await expanding;
  view.select(id);
}

let changeStream = null;

/**
 * Follows `graphChanged` for the expanded entities (whose neighbourhoods are drawn) over server-sent events
 * (graphql-sse, `/graphql/stream`), and redraws them when a write touches one.
 */
function watchChanges() {
  changeStream?.close();
  const ids = view.expandedIds().slice(0, 1000);
  if (ids.length === 0 || typeof EventSource === 'undefined') return;
  const url = new URL(`${config.graphqlUrl.replace(/\/$/, '')}/stream`);
  url.searchParams.set(
    'query',
    'subscription ExplorerChanges($ids: [ID!]) { graphChanged(ids: $ids) { id entityIds } }',
  );
  url.searchParams.set('variables', JSON.stringify({ ids }));
  changeStream = new EventSource(url);
  changeStream.addEventListener('next', (event) => {
    const change = JSON.parse(event.data)?.data?.graphChanged;
    if (!change) return;
    embed.post('graphChanged', { changeId: change.id, entityIds: change.entityIds });
    const touched = change.entityIds.filter((id) => view.isExpanded(id));
    if (touched.length > 0) loadNetwork(touched, 1);
  });
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
    const nodes = path.nodes.map((node) => ({
      id: node.id,
      kind: node.kind,
      label: node.name,
      names: node.names,
      signedOn: node.signedOn,
    }));
    const edges = path.relations.map((relation) => ({
      id: relation.id,
      source: relation.from.id,
      target: relation.to.id,
      type: relation.type,
      label: relation.role ?? typeInWords(relation.type),
      basis: relation.basis,
      inference: relation.inference,
      evidence: relation.evidence,
    }));
    for (const node of nodes) seeds.add(node.id);
    view.merge({ nodes, edges });
    setStatus('', 'ready');
    view.highlightPath([...nodes.map((node) => node.id), ...edges.map((edge) => edge.id)]);
    details.showPath(path, (id) => view.labelOf(id));
    embed.post('pathFound', {
      fromId,
      toId,
      length: path.length,
      nodeIds: nodes.map((node) => node.id),
      relationIds: edges.map((edge) => edge.id),
    });
    return `Path of ${path.length} relation${path.length === 1 ? '' : 's'} drawn in bold.`;
  } catch (error) {
    return `Could not find a path: ${error.message}`;
  }
}

if (config.embed) {
  const full = new URL(window.location.href);
  full.searchParams.delete('embed');
  byId('graph').after(
    h('a', { class: 'embed-link', href: full.href, target: '_blank', rel: 'noopener' }, 'Open in coopgraph explorer'),
  );
}

refresh();
embed.post('ready', { ids: config.ids, depth, lang });
if (config.ids.length > 0) loadNetwork(config.ids, config.depth);
else loadOverview();

/** Without ids, the page opens on the most connected entities and lists the latest sources. */
async function loadOverview() {
  setStatus('Loading an overview…', 'loading');
  try {
    const { mostConnectedIds, sources } = await request(OVERVIEW_QUERY);
    const latest = [...sources].sort((a, b) => b.publishedOn.localeCompare(a.publishedOn)).slice(0, 5);
    details.showLatestSources(latest);
    if (mostConnectedIds.length > 0) await loadNetwork(mostConnectedIds, 1);
    else setStatus('The graph is empty.', 'ready');
  } catch (error) {
    setStatus(`Could not load an overview: ${error.message}`, 'error');
  }
}

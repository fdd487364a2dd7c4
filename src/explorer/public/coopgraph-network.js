import { createGraphqlClient } from './createGraphqlClient.js';
import { createGraphView } from './createGraphView.js';
import { parseColorBy, parseSizeBy } from './displayOptions.js';
import { NETWORK_QUERY } from './queries.js';
import { ID_PATTERN } from './readConfig.js';

const STYLE =
  'coopgraph-network { display: block; position: relative; min-height: 300px; } coopgraph-network > .coopgraph-graph { position: absolute; inset: 0; }';

/**
 * `<coopgraph-network ids="organization/ktz" depth="2" lang="RU" label-size="12" size-by="betweenness"
 * color-by="community">`: the network drawn in the page itself, without an iframe (`import 'https://coopgraph.example/explore/assets/coopgraph-network.js'`). It reads
 * `/graphql` of the server it was loaded from, so that server must list the page's origin in CORS_ORIGINS. It
 * dispatches the embed events (`coopgraph:nodeselected`, `coopgraph:nodeexpanded`, `coopgraph:networkloaded`,
 * `coopgraph:error`; `event.detail` as in the iframe's messages) and follows changes of its attributes.
 */
export class CoopgraphNetwork extends HTMLElement {
  static observedAttributes = ['ids', 'depth', 'lang', 'size-by', 'color-by'];
  #view = null;
  #request = createGraphqlClient(new URL('/graphql', import.meta.url).href);
  #loading = 0;

  connectedCallback() {
    if (!document.getElementById('coopgraph-network-style')) {
      const style = document.createElement('style');
      style.id = 'coopgraph-network-style';
      style.textContent = STYLE;
      document.head.append(style);
    }
    const container = document.createElement('div');
    container.className = 'coopgraph-graph';
    this.replaceChildren(container);
    this.#view = createGraphView(container, {
      lang: this.#lang(),
      labelSize: Math.min(20, Math.max(8, Number.parseInt(this.getAttribute('label-size') ?? '11', 10) || 11)),
      ...this.#display(),
      onNodeTap: (id) => this.#expand(id),
      onEdgeTap: () => {},
      onChange: () => {},
    });
    this.#load();
  }

  disconnectedCallback() {
    this.#view?.cy.destroy();
    this.#view = null;
  }

  attributeChangedCallback(name, before, after) {
    if (!this.#view || before === after) return;
    if (name === 'lang') this.#view.setLang(this.#lang());
    else if (name === 'size-by' || name === 'color-by') this.#view.setDisplay(this.#display());
    else this.#load();
  }

  /** The Cytoscape instance, for pages that style or read the drawing further. */
  get cy() {
    return this.#view?.cy ?? null;
  }

  /** The ids to draw around, as the `ids` attribute lists them (comma-separated), valid ones only. */
  get ids() {
    return (this.getAttribute('ids') ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter((id) => ID_PATTERN.test(id))
      .slice(0, 50);
  }

  get depth() {
    return Math.min(3, Math.max(1, Number.parseInt(this.getAttribute('depth') ?? '1', 10) || 1));
  }

  #lang() {
    const lang = (this.getAttribute('lang') ?? 'EN').toUpperCase();
    return ['EN', 'RU', 'KK'].includes(lang) ? lang : 'EN';
  }

  #display() {
    return { sizeBy: parseSizeBy(this.getAttribute('size-by')), colorBy: parseColorBy(this.getAttribute('color-by')) };
  }

  #emit(type, detail) {
    this.dispatchEvent(
      new CustomEvent(`coopgraph:${type.toLowerCase()}`, {
        detail: { source: 'coopgraph', version: 1, type, ...detail },
        bubbles: true,
      }),
    );
  }

  async #load() {
    const ids = this.ids;
    const turn = ++this.#loading;
    this.#view.clear();
    if (ids.length === 0) return;
    try {
      const { network } = await this.#request(NETWORK_QUERY, { ids, depth: this.depth, lang: this.#lang() });
      if (turn !== this.#loading || !this.#view) return;
      this.#view.merge(network);
      for (const id of ids) this.#view.markExpanded(id);
      this.#emit('networkLoaded', {
        ids,
        depth: this.depth,
        nodeCount: this.#view.nodeIds().length,
        truncated: network.truncated,
      });
    } catch (error) {
      this.#emit('error', { command: 'load', message: error.message });
    }
  }

  async #expand(id) {
    const view = this.#view;
    view.select(id);
    this.#emit('nodeSelected', { id, kind: view.cy.getElementById(id).data('kind'), label: view.labelOf(id) });
    if (view.isExpanded(id)) return;
    try {
      const { network } = await this.#request(NETWORK_QUERY, { ids: [id], depth: 1, lang: this.#lang() });
      view.merge(network, id);
      view.markExpanded(id);
      this.#emit('nodeExpanded', {
        id,
        nodeCount: view.nodeIds().length,
        addedIds: network.nodes.map((node) => node.id),
      });
    } catch (error) {
      this.#emit('error', { command: 'expand', message: error.message });
    }
  }
}

if (!customElements.get('coopgraph-network')) customElements.define('coopgraph-network', CoopgraphNetwork);

import cytoscape from '../vendor/cytoscape/cytoscape.esm.min.mjs';
import { COMMUNITY_COLOURS, OTHER_COMMUNITY_COLOUR } from './communityColours.js';
import { graphStyle } from './graphStyle.js';
import { pickName } from './kindStyles.js';

/** Node sizes in model pixels when sized by a centrality: the least central node and the most central one. */
const SMALLEST = 20;
const LARGEST = 70;

/**
 * The drawn network. Nodes carry `{ id, kind, names, label, signedOn }` and, when a network answer measured them,
 * `{ degree, betweenness, communityKey }`; edges `{ id, source, target, type, label, evidence }`. Merging never
 * duplicates an element; `onChange` is called after every change of what is visible.
 *
 * Measures belong to the answer that computed them: a node takes those of the latest answer that drew it, and
 * communities of different answers never share a colour (`communityKey` is the answer's number and the community's).
 */
export function createGraphView(
  container,
  { lang, labelSize, sizeBy = 'none', colorBy = 'kind', onNodeTap, onEdgeTap, onChange },
) {
  let currentLang = lang;
  let display = { sizeBy, colorBy };
  let answers = 0;
  const cy = cytoscape({
    container,
    style: graphStyle({ labelSize }),
    minZoom: 0.2,
    maxZoom: 3,
    wheelSensitivity: 0.3,
  });
  cy.on('tap', 'node', (event) => onNodeTap(event.target.id()));
  cy.on('tap', 'edge', (event) => onEdgeTap(event.target.data()));

  function addNode(node, near) {
    const existing = cy.getElementById(node.id);
    if (existing.nonempty()) {
      // A node first added from a search hit learns its names and date when a network brings it again.
      if (node.names?.length)
        existing.data({ names: node.names, label: pickName(node.names, currentLang, node.label) });
      if (node.signedOn) existing.data('signedOn', node.signedOn);
      return existing;
    }
    const label = pickName(node.names, currentLang, node.label);
    const origin = near?.position() ?? { x: 0, y: 0 };
    return cy.add({
      group: 'nodes',
      data: {
        id: node.id,
        kind: node.kind,
        names: node.names ?? [],
        fallbackLabel: node.label,
        label,
        signedOn: node.signedOn ?? null,
      },
      position: { x: origin.x + (Math.random() - 0.5) * 120, y: origin.y + (Math.random() - 0.5) * 120 },
    });
  }

  /** Keeps the measures of an answer on its nodes. */
  function setMeasures(node, answer) {
    if (typeof node.degree !== 'number') return;
    cy.getElementById(node.id).data({
      degree: node.degree,
      betweenness: node.betweenness,
      communityKey: `${answer}:${node.community}`,
    });
  }

  /** Communities of the drawn nodes, largest first, each with its colour; smaller ones past the palette share grey. */
  function rankCommunities() {
    const members = new Map();
    cy.nodes().forEach((node) => {
      const key = node.data('communityKey');
      if (key === undefined) return;
      if (!members.has(key)) members.set(key, []);
      members.get(key).push(node);
    });
    return [...members.entries()]
      .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0], 'en', { numeric: true }))
      .map(([key, nodes], index) => ({ key, nodes, colour: COMMUNITY_COLOURS[index] ?? OTHER_COMMUNITY_COLOUR }));
  }

  /** Sets each node's `size` and `communityColour` data (which the stylesheet draws) from the display options. */
  function applyDisplay() {
    const nodes = cy.nodes();
    cy.batch(() => {
      if (display.sizeBy === 'none') nodes.removeData('size');
      else {
        const measure = (node) => node.data(display.sizeBy) ?? 0;
        const max = Math.max(0, ...nodes.map(measure));
        // Area grows with the measure, so a node twice as central is not drawn four times as large.
        nodes.forEach((node) =>
          node.data('size', max > 0 ? SMALLEST + (LARGEST - SMALLEST) * Math.sqrt(measure(node) / max) : SMALLEST),
        );
      }
      if (display.colorBy === 'kind') nodes.removeData('communityColour');
      else {
        nodes.data('communityColour', OTHER_COMMUNITY_COLOUR);
        for (const community of rankCommunities()) {
          for (const node of community.nodes) node.data('communityColour', community.colour);
        }
      }
    });
  }

  function addEdge(edge) {
    if (cy.getElementById(edge.id).nonempty()) return;
    if (cy.getElementById(edge.source).empty() || cy.getElementById(edge.target).empty()) return;
    cy.add({ group: 'edges', data: { ...edge } });
  }

  /** Lays out everything; only a first drawing starts from random positions, so expanding keeps the picture stable. */
  function layout(fresh) {
    cy.layout({
      name: 'cose',
      animate: false,
      randomize: fresh,
      fit: true,
      padding: 40,
      nodeDimensionsIncludeLabels: true,
      nodeRepulsion: () => 400000,
      idealEdgeLength: () => 90,
      nodeOverlap: 20,
      componentSpacing: 80,
    }).run();
    // A graph of two or three nodes would otherwise be fitted at the largest zoom.
    if (cy.zoom() > 1.4) {
      cy.zoom(1.4);
      cy.center();
    }
  }

  return {
    cy,
    /** Adds a network result's nodes and edges near `aroundId` and lays the graph out again. */
    merge(network, aroundId) {
      const near = aroundId ? cy.getElementById(aroundId) : undefined;
      const fresh = cy.nodes().length <= 1;
      const answer = network.nodes.some((node) => typeof node.degree === 'number') ? ++answers : 0;
      cy.batch(() => {
        for (const node of network.nodes) {
          addNode(
            {
              id: node.id,
              kind: node.kind,
              label: node.label,
              names: node.entity?.names ?? node.names,
              signedOn: node.entity?.signedOn ?? node.signedOn,
            },
            near?.nonempty() ? near : undefined,
          );
          if (answer) setMeasures(node, answer);
        }
        for (const edge of network.edges) addEdge(edge);
      });
      applyDisplay();
      layout(fresh);
      onChange();
    },
    /** Removes everything drawn. */
    clear() {
      cy.elements().remove();
      onChange();
    },
    markExpanded(id) {
      cy.getElementById(id).addClass('expanded');
    },
    isExpanded(id) {
      return cy.getElementById(id).hasClass('expanded');
    },
    has(id) {
      return cy.getElementById(id).nonempty();
    },
    labelOf(id) {
      return cy.getElementById(id).data('label') ?? id;
    },
    select(id) {
      cy.$(':selected').unselect();
      cy.getElementById(id).select();
    },
    /** Marks the nodes and edges of a path; clears the previous one. */
    highlightPath(ids) {
      cy.elements('.on-path').removeClass('on-path');
      for (const id of ids) cy.getElementById(id).addClass('on-path');
    },
    /** Redraws sizes and fills for `{ sizeBy, colorBy }` (see displayOptions.js). */
    setDisplay(options) {
      display = { ...display, ...options };
      applyDisplay();
      onChange();
    },
    /**
     * What the legend shows: the display options and, when coloured by community, each drawn community (largest
     * first) with its colour, size and best-connected member's label; `other` counts nodes in grey.
     */
    legend() {
      if (display.colorBy !== 'community') return { ...display, communities: [], other: 0 };
      const ranked = rankCommunities();
      const coloured = ranked.filter((community) => community.colour !== OTHER_COMMUNITY_COLOUR);
      const hub = (nodes) =>
        nodes.reduce((best, node) => ((node.data('degree') ?? 0) > (best.data('degree') ?? 0) ? node : best));
      return {
        ...display,
        communities: coloured.map(({ key, nodes, colour }) => ({
          key,
          colour,
          size: nodes.length,
          label: hub(nodes).data('label'),
        })),
        other: cy.nodes().length - coloured.reduce((sum, community) => sum + community.nodes.length, 0),
      };
    },
    setLang(lang) {
      currentLang = lang;
      cy.nodes().forEach((node) => node.data('label', pickName(node.data('names'), lang, node.data('fallbackLabel'))));
      onChange();
    },
    /** Hides agreements signed outside [from, to] (ISO dates, empty for open); undated agreements always stay. */
    filterAgreementsByDate(from, to) {
      cy.batch(() => {
        cy.nodes('[kind = "AGREEMENT"]').forEach((node) => {
          const date = node.data('signedOn');
          const outside = Boolean(date) && ((from && date < from) || (to && date > to));
          node.toggleClass('outside-dates', outside);
        });
      });
      onChange();
    },
    agreementDates() {
      return cy
        .nodes('[kind = "AGREEMENT"]')
        .map((node) => node.data('signedOn'))
        .filter(Boolean)
        .sort();
    },
    counts() {
      const agreements = cy.nodes('[kind = "AGREEMENT"]');
      return {
        agreements: agreements.length,
        undated: agreements.filter((node) => !node.data('signedOn')).length,
        hidden: agreements.filter('.outside-dates').length,
      };
    },
    /** The visible nodes by label, for the text list. */
    visibleNodes() {
      return cy
        .nodes()
        .filter((node) => !node.hasClass('outside-dates'))
        .map((node) => ({
          id: node.id(),
          kind: node.data('kind'),
          label: node.data('label'),
          expanded: node.hasClass('expanded'),
          selected: node.selected(),
        }))
        .sort((a, b) => a.label.localeCompare(b.label));
    },
    visibleEdgeCount() {
      return cy.edges().filter((edge) => edge.visible()).length;
    },
    nodeIds() {
      return cy.nodes().map((node) => node.id());
    },
    expandedIds() {
      return cy.nodes('.expanded').map((node) => node.id());
    },
  };
}

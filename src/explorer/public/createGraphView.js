import cytoscape from '../vendor/cytoscape/cytoscape.esm.min.mjs';
import { graphStyle } from './graphStyle.js';
import { pickName } from './kindStyles.js';

/**
 * The drawn network. Nodes carry `{ id, kind, names, label, signedOn }`, edges `{ id, source, target, type, label,
 * evidence }`. Merging never duplicates an element; `onChange` is called after every change of what is visible.
 */
export function createGraphView(container, { lang, labelSize, onNodeTap, onEdgeTap, onChange }) {
  let currentLang = lang;
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
        }
        for (const edge of network.edges) addEdge(edge);
      });
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

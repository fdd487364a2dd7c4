import { KIND_STYLES } from './kindStyles.js';

/**
 * The Cytoscape stylesheet: colour and shape by kind, labels on a white halo for contrast, edges labelled by relation.
 * Labels that the zoom would draw smaller than 7 px are left out (edge labels below 8 px), so a dense graph fitted
 * into a small frame shows its shapes instead of overlapping text; zooming in brings them back.
 */
export function graphStyle({ labelSize = 11 } = {}) {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        width: 30,
        height: 30,
        'background-color': '#8C8C8C',
        'border-width': 1.5,
        'border-color': '#1a1a1a',
        'border-style': 'dashed',
        color: '#1a1a1a',
        'font-size': labelSize,
        'min-zoomed-font-size': 7,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '130px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
      },
    },
    ...Object.entries(KIND_STYLES).map(([kind, { colour, shape }]) => ({
      selector: `node[kind = "${kind}"]`,
      style: { 'background-color': colour, shape },
    })),
    // Set only when the display options ask for them (see createGraphView's applyDisplay); shape still tells the kind.
    { selector: 'node[size]', style: { width: 'data(size)', height: 'data(size)' } },
    { selector: 'node[communityColour]', style: { 'background-color': 'data(communityColour)' } },
    // A solid border means the node's neighbours are shown; dashed ones can still be expanded.
    { selector: 'node.expanded', style: { 'border-style': 'solid' } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#0b57d0', 'border-style': 'solid' } },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'curve-style': 'bezier',
        'line-color': '#6b6b6b',
        'target-arrow-color': '#6b6b6b',
        'target-arrow-shape': 'triangle',
        label: 'data(label)',
        'font-size': 9,
        'min-zoomed-font-size': 8,
        color: '#333333',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
      },
    },
    // A relation the graph concludes rather than quotes is dashed; the details panel says why.
    { selector: 'edge[basis = "INFERRED"]', style: { 'line-style': 'dashed' } },
    { selector: 'edge:selected', style: { width: 3, 'line-color': '#0b57d0', 'target-arrow-color': '#0b57d0' } },
    { selector: 'node.on-path', style: { 'border-width': 4, 'border-color': '#1a1a1a', 'border-style': 'solid' } },
    { selector: 'edge.on-path', style: { 'line-color': '#1a1a1a', 'target-arrow-color': '#1a1a1a', width: 4 } },
    { selector: '.outside-dates', style: { display: 'none' } },
  ];
}

import { h, replaceChildren } from './dom.js';
import { kindName } from './kindStyles.js';

/**
 * The text list of visible entities for screen readers and keyboards: one button per node (activating it does what
 * clicking the node does) and a live summary of how many entities and relations are drawn.
 */
export function createVisibleList(summary, list, { onActivate }) {
  return {
    render(nodes, edgeCount) {
      summary.textContent =
        nodes.length === 0 ? 'Nothing shown yet.' : `${nodes.length} entities and ${edgeCount} relations shown.`;
      replaceChildren(
        list,
        ...nodes.map((node) =>
          h(
            'li',
            { 'data-id': node.id },
            h(
              'button',
              { type: 'button', 'aria-pressed': String(node.selected), onclick: () => onActivate(node.id) },
              `${node.label} (${kindName(node.kind)}${node.expanded ? '' : ', expand'})`,
            ),
          ),
        ),
      );
    },
  };
}

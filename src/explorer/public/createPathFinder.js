import { h, replaceChildren } from './dom.js';
import { createSearchCombobox } from './createSearchCombobox.js';

/**
 * "Path between two entities": two search boxes and a button; `findPath(fromId, toId)` draws and explains the path.
 */
export function createPathFinder(section, { search, findPath }) {
  const chosen = { from: null, to: null };
  const status = h('p', { class: 'note', 'aria-live': 'polite' }, 'Pick two entities.');
  const button = h('button', { type: 'button', disabled: true }, 'Find path');
  const update = () => {
    button.disabled = !(chosen.from && chosen.to);
    status.textContent = `${chosen.from?.name ?? '…'} → ${chosen.to?.name ?? '…'}`;
  };
  const from = createSearchCombobox({
    label: 'Path from',
    placeholder: 'From…',
    search,
    onPick: (hit) => {
      chosen.from = hit;
      update();
    },
  });
  const to = createSearchCombobox({
    label: 'Path to',
    placeholder: 'To…',
    search,
    onPick: (hit) => {
      chosen.to = hit;
      update();
    },
  });
  button.addEventListener('click', async () => {
    if (!chosen.from || !chosen.to) return;
    status.textContent = 'Looking for a path…';
    status.textContent = await findPath(chosen.from.id, chosen.to.id);
  });
  replaceChildren(
    section,
    h('h2', { id: 'path-title' }, 'Path between two entities'),
    from.element,
    to.element,
    h('p', {}, button),
    status,
  );
}

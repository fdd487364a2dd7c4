import { h, replaceChildren } from './dom.js';
import { kindName } from './kindStyles.js';

let instances = 0;

/**
 * An accessible as-you-type search box (WAI-ARIA combobox with a listbox): results for any script or spelling appear
 * 250 ms after typing stops, stale answers are dropped, ↑/↓ move through results, Enter picks, Escape closes.
 * `search(text, signal)` resolves with `[{ id, kind, name }]`; `onPick(hit)` is called with the chosen one.
 */
export function createSearchCombobox({ label, placeholder, search, onPick }) {
  const n = ++instances;
  const listId = `search-results-${n}`;
  const input = h('input', {
    id: `search-input-${n}`,
    type: 'search',
    role: 'combobox',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder,
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
  });
  const list = h('ul', { id: listId, role: 'listbox', 'aria-label': `${label} results`, hidden: true });
  const live = h('span', { class: 'sr-only', 'aria-live': 'polite' });
  const root = h(
    'div',
    { class: 'combobox' },
    h('label', { for: input.id, class: 'sr-only' }, label),
    input,
    list,
    live,
  );

  let hits = [];
  let active = -1;
  let timer = 0;
  let controller = null;

  function render() {
    replaceChildren(
      list,
      ...hits.map((hit, index) =>
        h(
          'li',
          {
            id: `${listId}-${index}`,
            role: 'option',
            'aria-selected': String(index === active),
            'data-id': hit.id,
            onmousedown: (event) => event.preventDefault(),
            onclick: () => pick(index),
          },
          hit.name,
          h('span', { class: 'kind' }, kindName(hit.kind)),
        ),
      ),
    );
    const open = hits.length > 0;
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', `${listId}-${active}`);
      document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  }

  function close() {
    hits = [];
    active = -1;
    render();
  }

  function pick(index) {
    const hit = hits[index];
    if (!hit) return;
    input.value = hit.name;
    close();
    onPick(hit);
  }

  async function run(text) {
    controller?.abort();
    if (text.trim().length < 1) return close();
    controller = new AbortController();
    const { signal } = controller;
    try {
      const found = await search(text.trim(), signal);
      if (signal.aborted) return;
      hits = found;
      active = found.length > 0 ? 0 : -1;
      live.textContent =
        found.length === 0 ? 'No results.' : `${found.length} results. Use the arrow keys and Enter to pick one.`;
      render();
    } catch (error) {
      if (error.name !== 'AbortError') live.textContent = `Search failed: ${error.message}`;
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => run(input.value), 250);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (hits.length === 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      active = (active + step + hits.length) % hits.length;
      render();
    } else if (event.key === 'Enter') {
      if (active >= 0) {
        event.preventDefault();
        pick(active);
      }
    } else if (event.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));

  return { element: root, input };
}

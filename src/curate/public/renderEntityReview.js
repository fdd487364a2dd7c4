import { createSearchCombobox } from '../../explore/assets/createSearchCombobox.js';
import { h, replaceChildren } from '../../explore/assets/dom.js';
import { kindName } from '../../explore/assets/kindStyles.js';

const KINDS = ['PERSON', 'ORGANIZATION', 'REGION', 'COUNTRY', 'EVENT', 'AGREEMENT', 'PROJECT', 'FACILITY'];

/**
 * The proposed entities, each to accept (with an editable id, name and kind), reject or merge into a known entity
 * found by search; then the known entities the text names. `changed()` redraws the page.
 */
export function renderEntityReview(container, state, { search, changed }) {
  const items = state.groups.map((group) => {
    const status = h('span', { class: `status-${group.status}` }, statusText(group));
    const name = h('input', { type: 'text', value: group.name, 'aria-label': `Name of ${group.name}` });
    const id = h('input', { type: 'text', value: group.id, class: 'id', 'aria-label': `Id of ${group.name}` });
    const kind = h(
      'select',
      { 'aria-label': `Kind of ${group.name}` },
      ...KINDS.map((value) => h('option', { value, selected: value === group.kind }, kindName(value))),
    );
    name.addEventListener('change', () => (group.name = name.value.trim() || group.name));
    id.addEventListener('change', () => (group.id = id.value.trim()));
    kind.addEventListener('change', () => (group.kind = kind.value));
    const merge = h('div', { class: 'merge', hidden: true });
    const set = (value) => () => {
      group.status = value;
      if (value !== 'merged') group.target = null;
      changed();
    };
    const openMerge = () => {
      const box = createSearchCombobox({
        label: `Merge ${group.name} into`,
        placeholder: 'Search the graph: КТЖ, Almaty…',
        search,
        onPick: (hit) => {
          group.status = 'merged';
          group.target = { id: hit.id, kind: hit.kind, name: hit.name };
          changed();
        },
      });
      replaceChildren(merge, h('span', {}, 'Merge into: '), box.element);
      merge.hidden = false;
      box.input.focus();
    };
    return h(
      'li',
      { 'data-entity': group.key, class: `review status-${group.status}` },
      h(
        'div',
        { class: 'row' },
        h('strong', {}, group.mentions[0].text),
        ' ',
        h('span', { class: 'kind' }, kindName(group.kind)),
        status,
      ),
      h('div', { class: 'row' }, name, kind, id),
      h(
        'div',
        { class: 'row' },
        h('button', { type: 'button', onclick: set('accepted') }, 'Accept'),
        h('button', { type: 'button', onclick: set('rejected') }, 'Reject'),
        h('button', { type: 'button', onclick: openMerge }, 'Merge…'),
      ),
      merge,
    );
  });
  const known = [...state.known.values()].map((entity) =>
    h(
      'li',
      { 'data-known': entity.id },
      `${entity.name} `,
      h('span', { class: 'kind' }, `${kindName(entity.kind)} · ${entity.id}`),
    ),
  );
  replaceChildren(
    container,
    h('h2', { id: 'entities-title' }, `3. Entities (${state.groups.length} proposed, ${state.known.size} known)`),
    items.length > 0 ? h('ul', { class: 'items' }, ...items) : h('p', { class: 'hint' }, 'No new entities proposed.'),
    h('h3', {}, 'Known entities the text names'),
    known.length > 0 ? h('ul', { class: 'known-list' }, ...known) : h('p', { class: 'hint' }, 'None.'),
  );
}

function statusText(group) {
  if (group.status === 'merged') return ` merged into ${group.target.name} (${group.target.id})`;
  return group.status === 'pending' ? ' to review' : ` ${group.status}`;
}

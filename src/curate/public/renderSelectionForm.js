import { createSearchCombobox } from '../../explore/assets/createSearchCombobox.js';
import { h, replaceChildren } from '../../explore/assets/dom.js';
import { editFields } from './renderFactReview.js';

/**
 * The form that states a new fact with the selected span as its excerpt: a relation, an attribute or a statement
 * (its text is the span). The excerpt is the text's own slice, never typed. `add(fact)` keeps the fact.
 */
export function renderSelectionForm(container, state, span, { search, add, cancel }) {
  const draft = {
    kind: 'relation',
    type: '',
    from: '',
    to: '',
    role: '',
    key: '',
    value: '',
    unit: '',
    name: '',
    excerpt: span,
  };
  const fields = h('div', { class: 'edit' });
  const drawFields = () => replaceChildren(fields, ...editFields(state, draft));
  const kind = h(
    'select',
    { id: 'selection-kind', 'aria-label': 'What the excerpt states' },
    h('option', { value: 'relation' }, 'a relation'),
    h('option', { value: 'attribute' }, 'an attribute'),
    h('option', { value: 'statement' }, 'a statement (the excerpt is its text)'),
  );
  kind.addEventListener('change', () => {
    draft.kind = kind.value;
    drawFields();
  });
  const finder = createSearchCombobox({
    label: 'Another entity from the graph',
    placeholder: 'Another entity from the graph…',
    search,
    onPick: (hit) => {
      state.picked.set(hit.id, { id: hit.id, kind: hit.kind, name: hit.name });
      drawFields();
    },
  });
  drawFields();
  replaceChildren(
    container,
    h('h3', {}, 'State a fact with the selected excerpt'),
    h('blockquote', { id: 'selection-excerpt' }, span.text),
    h('div', { class: 'row' }, h('label', { for: 'selection-kind' }, 'It states '), kind),
    fields,
    h('div', { class: 'row' }, finder.element),
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'button', id: 'add-fact', onclick: () => add({ ...draft }) }, 'Add fact'),
      h('button', { type: 'button', onclick: cancel }, 'Cancel'),
    ),
  );
  container.hidden = false;
}

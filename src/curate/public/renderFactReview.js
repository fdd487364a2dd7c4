import { h, replaceChildren } from '../../explore/assets/dom.js';
import { entityChoices, refLabel } from './reviewState.js';

/** The proposed and selected facts, each to accept, edit (type, ends, role, key, value, unit) or reject. */
export function renderFactReview(container, state, { changed }) {
  const items = state.facts.map((fact) => {
    const editor = h('div', { class: 'edit', hidden: !fact.editing });
    if (fact.editing) editor.append(...editFields(state, fact));
    const set = (status) => () => {
      fact.status = status;
      fact.editing = false;
      changed();
    };
    return h(
      'li',
      { 'data-fact': String(fact.n), class: `review status-${fact.status}` },
      h(
        'div',
        { class: 'row' },
        h('strong', {}, `${fact.n}. `),
        describe(state, fact),
        h('span', { class: `status-${fact.status}` }, ` ${fact.status === 'pending' ? 'to review' : fact.status}`),
      ),
      h('blockquote', {}, fact.excerpt.text),
      editor,
      h(
        'div',
        { class: 'row' },
        h('button', { type: 'button', onclick: set('accepted') }, 'Accept'),
        h(
          'button',
          { type: 'button', onclick: () => ((fact.editing = !fact.editing), changed()) },
          fact.editing ? 'Done' : 'Edit',
        ),
        h('button', { type: 'button', onclick: set('rejected') }, 'Reject'),
      ),
    );
  });
  replaceChildren(
    container,
    h(
      'h2',
      { id: 'facts-title' },
      `4. Facts (${state.facts.filter((fact) => fact.status === 'accepted').length} accepted of ${state.facts.length})`,
    ),
    items.length > 0
      ? h('ul', { class: 'items' }, ...items)
      : h('p', { class: 'hint' }, 'No facts proposed: select words of the text to state one.'),
  );
}

function describe(state, fact) {
  if (fact.kind === 'attribute') return `${refLabel(state, fact.from)}: ${fact.key} = ${fact.value} ${fact.unit ?? ''}`;
  if (fact.kind === 'statement') return `${refLabel(state, fact.from)} said «${fact.name}»`;
  return `${refLabel(state, fact.from)} —${fact.type}${fact.role ? ` (${fact.role})` : ''}→ ${refLabel(state, fact.to)}`;
}

/** Inputs bound to a fact's fields; a change is kept at once, the text above updates on Done. */
export function editFields(state, fact) {
  const field = (label, name, attributes = {}) => {
    const input = h('input', {
      type: 'text',
      value: fact[name] ?? '',
      'aria-label': label,
      'data-field': name,
      ...attributes,
    });
    input.addEventListener('change', () => (fact[name] = input.value));
    return h('label', {}, `${label} `, input);
  };
  const end = (label, name) => {
    const select = h(
      'select',
      { 'aria-label': label, 'data-field': name },
      ...entityChoices(state).map(({ ref, label: text }) =>
        h('option', { value: ref, selected: ref === fact[name] }, text),
      ),
    );
    if (!fact[name]) fact[name] = select.value;
    select.addEventListener('change', () => (fact[name] = select.value));
    return h('label', {}, `${label} `, select);
  };
  if (fact.kind === 'attribute')
    return [end('Entity', 'from'), field('Key', 'key'), field('Value', 'value'), field('Unit', 'unit')];
  if (fact.kind === 'statement') return [end('Speaker', 'from'), field('Name', 'name')];
  return [
    field('Type', 'type', { list: 'relation-types' }),
    end('From', 'from'),
    end('To', 'to'),
    field('Role', 'role'),
  ];
}

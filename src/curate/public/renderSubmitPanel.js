import { h, replaceChildren } from '../../explore/assets/dom.js';

/**
 * The source's metadata (kept in `state.source` as typed) and the submit button; `submit()` resolves with
 * `{ change }` or rejects with the messages to show.
 */
export function renderSubmitPanel(container, state, { submit }) {
  const source = state.source;
  const field = (label, name, attributes = {}) => {
    const input = h('input', { id: `source-${name}`, name, value: source[name] ?? '', ...attributes });
    input.addEventListener('input', () => (source[name] = input.value));
    return h('label', { for: input.id }, h('span', {}, label), input);
  };
  const language = h(
    'select',
    { id: 'source-language' },
    h('option', { value: 'ru', selected: source.language === 'ru' }, 'ru'),
    h('option', { value: 'kk', selected: source.language === 'kk' }, 'kk'),
  );
  language.addEventListener('change', () => (source.language = language.value));
  const result = h('div', { id: 'result', role: 'alert' });
  const button = h('button', { type: 'button', id: 'submit-source' }, 'Submit in one transaction');
  button.addEventListener('click', async () => {
    button.disabled = true;
    replaceChildren(result, h('p', {}, 'Submitting…'));
    try {
      const { change, counts } = await submit();
      replaceChildren(
        result,
        h(
          'p',
          { class: 'ok' },
          `Written as change ${change.id}: `,
          `${counts.entities} entities, ${counts.relations} relations, ${counts.attributes} attributes.`,
        ),
      );
      result.dataset.changeId = change.id;
    } catch (messages) {
      replaceChildren(
        result,
        h('p', { class: 'error' }, 'Nothing was written:'),
        h('ul', { class: 'errors' }, ...[].concat(messages).map((message) => h('li', {}, String(message)))),
      );
    } finally {
      button.disabled = false;
    }
  });
  replaceChildren(
    container,
    h('h2', { id: 'submit-title' }, '5. Source and submit'),
    h(
      'div',
      { class: 'fields' },
      field('Id', 'id', { placeholder: 'source/2025-09-09-slug', required: true }),
      field('Title', 'title', { required: true }),
      field('Published', 'publishedOn', { type: 'date', required: true }),
      field('Publisher', 'publisher'),
      field('URL', 'url', { type: 'url', placeholder: 'https://…' }),
      h('label', { for: 'source-language' }, h('span', {}, 'Language'), language),
    ),
    button,
    result,
  );
}

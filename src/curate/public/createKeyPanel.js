import { h, replaceChildren } from '../../explore/assets/dom.js';

const STORAGE_KEY = 'coopgraph-editor-key';

/**
 * The editor key, entered once per browser session: kept in sessionStorage (gone when the tab closes), sent only as
 * a header, never put in a URL. `check(key)` resolves with null when the key is an editor's, else with why not.
 */
export function createKeyPanel(container, { check, onChange }) {
  const storage = window.sessionStorage;

  function render(message = '') {
    const key = storage.getItem(STORAGE_KEY);
    if (key) {
      replaceChildren(
        container,
        h('span', { id: 'key-state' }, 'Editor key set for this session.'),
        h('button', { type: 'button', id: 'forget-key', onclick: () => forget() }, 'Forget key'),
      );
      return;
    }
    const input = h('input', {
      id: 'key-input',
      type: 'password',
      autocomplete: 'off',
      spellcheck: 'false',
      placeholder: 'cgk_…',
      'aria-describedby': 'key-message',
    });
    const form = h(
      'form',
      { class: 'row', onsubmit: (event) => (event.preventDefault(), use(input.value.trim(), button)) },
      h('label', { for: 'key-input' }, 'Editor key'),
      input,
    );
    const button = h('button', { type: 'submit', id: 'use-key' }, 'Use key');
    form.append(button);
    replaceChildren(container, form, h('span', { id: 'key-message', class: 'key-message', role: 'alert' }, message));
  }

  async function use(key, button) {
    if (!key) return render('Enter the editor key you were given (it starts with cgk_).');
    button.disabled = true;
    const problem = await check(key);
    if (problem) return render(problem);
    storage.setItem(STORAGE_KEY, key);
    render();
    onChange(true);
  }

  function forget(message = '') {
    storage.removeItem(STORAGE_KEY);
    render(message);
    onChange(false);
  }

  render();
  return {
    getKey: () => storage.getItem(STORAGE_KEY) ?? '',
    hasKey: () => Boolean(storage.getItem(STORAGE_KEY)),
    forget,
  };
}

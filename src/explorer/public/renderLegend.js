import { h, replaceChildren } from './dom.js';
import { KIND_STYLES } from './kindStyles.js';

/** The legend: each kind's colour swatch and shape in words. */
export function renderLegend(section) {
  replaceChildren(
    section,
    h('h2', { id: 'legend-title' }, 'Legend'),
    h(
      'ul',
      { class: 'legend-list' },
      ...Object.values(KIND_STYLES).map(({ colour, shape, name }) => {
        const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
        swatch.style.background = colour;
        return h('li', {}, swatch, `${name} (${shape.replace('-', ' ')})`);
      }),
    ),
    h(
      'p',
      { class: 'note' },
      'Dashed border: click to expand its neighbours. Arrows point from the subject to the object of a relation.',
    ),
  );
}

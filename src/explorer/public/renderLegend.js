import { OTHER_COMMUNITY_COLOUR } from './communityColours.js';
import { h, replaceChildren } from './dom.js';
import { KIND_STYLES } from './kindStyles.js';

const SIZE_NOTES = {
  degree: 'Size: relations of the node in the network that drew it.',
  betweenness: 'Size: betweenness, how many shortest paths of the network that drew it run through the node.',
};

/**
 * The legend for the current display (`view.legend()`): by kind, each kind's colour swatch and shape in words; by
 * community, each drawn community's colour, named after its best-connected member, and the shapes that still tell
 * the kind. A note says what the size means when nodes are sized.
 */
export function renderLegend(section, { colorBy = 'kind', sizeBy = 'none', communities = [], other = 0 } = {}) {
  const swatch = (colour) => {
    const element = h('span', { class: 'swatch', 'aria-hidden': 'true' });
    element.style.background = colour;
    return element;
  };
  const byKind = colorBy === 'kind';
  replaceChildren(
    section,
    h('h2', { id: 'legend-title' }, 'Legend'),
    byKind
      ? h(
          'ul',
          { class: 'legend-list' },
          ...Object.values(KIND_STYLES).map(({ colour, shape, name }) =>
            h('li', {}, swatch(colour), `${name} (${shape.replace('-', ' ')})`),
          ),
        )
      : h(
          'ul',
          { class: 'legend-list communities' },
          ...communities.map(({ key, colour, size, label }, index) =>
            h(
              'li',
              { 'data-community': key },
              swatch(colour),
              `Community ${index + 1}: ${label}${size > 1 ? ` and ${size - 1} more` : ''}`,
            ),
          ),
          other > 0 &&
            h('li', { 'data-community': 'other' }, swatch(OTHER_COMMUNITY_COLOUR), `Others: ${other} entities`),
        ),
    !byKind &&
      h(
        'p',
        { class: 'note shapes' },
        `Colour: Louvain community in the network that drew the node. Shape: the kind, `,
        Object.values(KIND_STYLES)
          .map(({ shape, name }) => `${name} ${shape.replace('-', ' ')}`)
          .join(', '),
        '.',
      ),
    sizeBy !== 'none' && h('p', { class: 'note size' }, SIZE_NOTES[sizeBy]),
    h(
      'p',
      { class: 'note' },
      'Dashed border: click to expand its neighbours. Arrows point from the subject to the object of a relation.',
    ),
  );
}

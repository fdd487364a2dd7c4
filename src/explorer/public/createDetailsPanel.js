import { h, replaceChildren } from './dom.js';
import { kindName, typeInWords } from './kindStyles.js';

const LANG_NAMES = { EN: 'English', RU: 'Russian', KK: 'Kazakh' };

/** Evidence excerpts as quotations with their source's title, date and id. */
function evidenceList(evidence) {
  if (!evidence?.length) return h('p', { class: 'note' }, 'No excerpt recorded.');
  return h(
    'div',
    { class: 'evidence' },
    ...evidence.map(({ excerpt, source }) =>
      h(
        'blockquote',
        { class: 'excerpt' },
        h('p', {}, `“${excerpt}”`),
        h(
          'footer',
          {},
          '— ',
          h('cite', {}, source?.title ?? source?.id ?? 'unknown source'),
          source?.publishedOn ? `, ${source.publishedOn}` : '',
          source?.id ? ` (${source.id})` : '',
        ),
      ),
    ),
  );
}

/** A figure as a person reads it: `about 30000000 people`. */
function figureText({ value, unit, qualifier }) {
  return [qualifier, value, unit].filter(Boolean).join(' ');
}

/** How a fact is known, shown beside it: nothing for a quotation, the reasoning for a conclusion. */
function howKnown({ basis, inference, disputed }) {
  return [
    basis === 'INFERRED' &&
      h('p', { class: 'inferred', title: inference ?? '' }, h('strong', {}, 'Inferred: '), inference ?? ''),
    disputed && h('p', { class: 'disputed' }, 'Disputed: sources give other values for this figure.'),
  ];
}

/**
 * The side panel's "Details" section: an entity's names in every language, aliases, figures (with units and
 * qualifiers) and evidence with its source; or a relation's evidence; or a path. `section` keeps its heading.
 */
export function createDetailsPanel(section) {
  const heading = section.querySelector('h2');
  const body = h('div', { class: 'details-body', 'aria-live': 'polite' });
  replaceChildren(section, heading, ...section.querySelectorAll('.hint'), body);

  return {
    showLoading(text) {
      replaceChildren(body, h('p', { class: 'note' }, text));
    },
    /** The overview's side: the latest sources, newest first. */
    showLatestSources(sources) {
      replaceChildren(
        body,
        h('h3', {}, 'Latest sources'),
        h(
          'ul',
          { class: 'latest-sources' },
          ...sources.map((source) =>
            h('li', {}, h('time', { datetime: source.publishedOn }, source.publishedOn), ' ', source.title),
          ),
        ),
      );
    },
    showError(text) {
      replaceChildren(body, h('p', { class: 'error', role: 'alert' }, text));
    },
    showEntity(entity) {
      section.querySelector('.hint')?.remove();
      replaceChildren(
        body,
        h('h3', { class: 'entity-name' }, entity.name),
        h(
          'p',
          { class: 'note' },
          `${kindName(entity.kind)} · ${entity.id}`,
          entity.signedOn ? ` · signed ${entity.signedOn}` : '',
        ),
        h('h3', {}, 'Names'),
        h(
          'ul',
          {},
          ...entity.names.map((name) =>
            h('li', { lang: name.lang.toLowerCase() }, `${LANG_NAMES[name.lang] ?? name.lang}: ${name.value}`),
          ),
        ),
        entity.aliases.length > 0 && h('p', {}, h('strong', {}, 'Also: '), entity.aliases.join(' · ')),
        entity.attributes.length > 0 && h('h3', {}, 'Figures'),
        entity.attributes.length > 0 &&
          h(
            'dl',
            { class: 'figures' },
            ...entity.attributes.flatMap((attribute) => [
              h('dt', {}, attribute.key),
              h(
                'dd',
                {},
                figureText(attribute),
                ...howKnown(attribute),
                h('details', {}, h('summary', {}, 'evidence'), evidenceList(attribute.evidence)),
              ),
            ]),
          ),
        h('h3', {}, 'Evidence'),
        evidenceList(entity.evidence),
      );
    },
    showRelation(edge, fromLabel, toLabel) {
      section.querySelector('.hint')?.remove();
      replaceChildren(
        body,
        h('h3', {}, `${fromLabel} → ${toLabel}`),
        h('p', { class: 'note' }, `${edge.label} (${typeInWords(edge.type)})`),
        ...howKnown(edge),
        h('h3', {}, 'Evidence'),
        evidenceList(edge.evidence),
      );
    },
    showPath(path, labelOf) {
      section.querySelector('.hint')?.remove();
      replaceChildren(
        body,
        h('h3', {}, `Path of ${path.length} relation${path.length === 1 ? '' : 's'}`),
        h(
          'ol',
          { class: 'path-steps' },
          ...path.relations.map((relation) =>
            h(
              'li',
              {},
              `${labelOf(relation.from.id)} — ${relation.role ?? typeInWords(relation.type)} → ${labelOf(relation.to.id)}`,
              evidenceList(relation.evidence),
            ),
          ),
        ),
      );
    },
  };
}

import { h, replaceChildren } from './dom.js';

/**
 * "Agreements by date": two date fields bounding `signedOn`; agreements outside are hidden, undated ones always stay
 * visible (the note says so). `refresh()` updates the bounds and counts after the graph changes.
 */
export function createTimelineFilter(section, view) {
  const from = h('input', { type: 'date', id: 'timeline-from' });
  const to = h('input', { type: 'date', id: 'timeline-to' });
  const summary = h('p', { class: 'note', 'aria-live': 'polite' });
  const apply = () => view.filterAgreementsByDate(from.value, to.value);
  from.addEventListener('change', apply);
  to.addEventListener('change', apply);
  const reset = h(
    'button',
    {
      type: 'button',
      onclick: () => {
        from.value = '';
        to.value = '';
        apply();
      },
    },
    'Show all',
  );
  replaceChildren(
    section,
    h('h2', { id: 'timeline-title' }, 'Agreements by date'),
    h(
      'div',
      { class: 'timeline-fields' },
      h('label', { for: from.id }, 'Signed from '),
      from,
      ' ',
      h('label', { for: to.id }, 'to '),
      to,
      ' ',
      reset,
    ),
    summary,
  );

  return {
    refresh() {
      const dates = view.agreementDates();
      const [first, last] = [dates[0] ?? '', dates.at(-1) ?? ''];
      for (const input of [from, to]) {
        input.min = first;
        input.max = last;
      }
      const { agreements, undated, hidden } = view.counts();
      summary.textContent =
        agreements === 0
          ? 'No agreements shown.'
          : `${agreements - hidden} of ${agreements} agreements shown${dates.length ? `, signed ${first} to ${last}` : ''}. ` +
            `Agreements without a signing date (${undated}) always stay visible.`;
    },
  };
}

import type { DatePrecisionName } from '../domain/howKnown.js';

/** A date as far as it is known: its precision and the first and last day it can be (null: unbounded). */
export interface DateBounds {
  precision: DatePrecisionName;
  earliest: string | null;
  latest: string | null;
}

const DATE_VALUE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * The bounds of a date-valued attribute, the way Wikidata stores time: `2024` is the year 2024 (2024-01-01 to
 * 2024-12-31), `2026-04` with qualifier `by` ends on 2026-04-30 with no earliest day, `2025-09-09` with `on or
 * before` ends on 2025-09-09. Null when the value is not an ISO-8601 year, month or day.
 */
export function dateBounds(value: string, qualifier: string | null | undefined): DateBounds | null {
  const match = DATE_VALUE.exec(value);
  if (!match) return null;
  const [, year, month, day] = match;
  const precision: DatePrecisionName = day ? 'DAY' : month ? 'MONTH' : 'YEAR';
  const first = `${year}-${month ?? '01'}-${day ?? '01'}`;
  const last = day
    ? first
    : month
      ? `${year}-${month}-${String(daysInMonth(Number(year), Number(month))).padStart(2, '0')}`
      : `${year}-12-31`;
  if (!isCalendarDate(first)) return null;
  switch (qualifier) {
    case 'on or before':
    case 'by':
      return { precision, earliest: null, latest: last };
    case 'on or after':
      return { precision, earliest: first, latest: null };
    default:
      return { precision, earliest: first, latest: last };
  }
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isCalendarDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

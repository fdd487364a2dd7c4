/** The value if it is a full ISO-8601 calendar date, else null (a month such as `2026-04` is not a Date). */
export function asDate(value: string | null): string | null {
  return value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

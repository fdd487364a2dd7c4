/** How a fact is known: `STATED` in so many words by its excerpts, or `INFERRED` from them (see `inference`). */
export const BASES = ['STATED', 'INFERRED'] as const;
export type BasisName = (typeof BASES)[number];

/** How precisely a date is known: the day, the month or the year. */
export const DATE_PRECISIONS = ['DAY', 'MONTH', 'YEAR'] as const;
export type DatePrecisionName = (typeof DATE_PRECISIONS)[number];

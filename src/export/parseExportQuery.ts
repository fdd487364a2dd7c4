import { z } from 'zod';
import { entityIdSchema } from '../seed/sourceDocument.js';

/** The arguments of `network`, as the export endpoints take them. */
export interface ExportQuery {
  ids: string[];
  depth: number;
  limit: number;
  lang: 'EN' | 'RU' | 'KK';
}

/** Why a query string was refused: the argument and what it allows. */
export interface ExportQueryProblem {
  argument: keyof ExportQuery;
  message: string;
}

export const MAX_EXPORT_IDS = 50;

/** Query values arrive as a string, repeated as an array, or (extended parser) nested; only strings count. */
const queryValue = z.unknown();

const idsSchema = queryValue
  .transform((value) => toStrings(value).flatMap((part) => part.split(',')).map((id) => id.trim()).filter((id) => id !== ''))
  .pipe(
    z
      .array(entityIdSchema)
      .min(1, `expected 1 to ${MAX_EXPORT_IDS} ids of the form kind/slug, such as ids=organization/ktz`)
      .max(MAX_EXPORT_IDS, `expected 1 to ${MAX_EXPORT_IDS} ids of the form kind/slug`),
  );

function intInRange(argument: string, fallback: number, min: number, max: number) {
  const expected = `expected ${argument} to be an integer from ${min} to ${max}`;
  return queryValue
    .transform((value) => (value === undefined ? String(fallback) : (toStrings(value)[0] ?? '')))
    .pipe(z.string().regex(/^\d{1,9}$/, expected).transform(Number).pipe(z.number().int().min(min, expected).max(max, expected)));
}

const langSchema = queryValue
  .transform((value) => (value === undefined ? 'EN' : (toStrings(value)[0] ?? '').toUpperCase()))
  .pipe(z.enum(['EN', 'RU', 'KK'], 'expected lang to be one of EN, RU, KK'));

/** Each argument's schema; checked one by one so that the first bad argument is the one named. */
const argumentSchemas = {
  ids: idsSchema,
  depth: intInRange('depth', 1, 1, 3),
  limit: intInRange('limit', 200, 1, 5000),
  lang: langSchema,
} as const;

/**
 * Reads `ids` (comma-separated and/or repeated, 1–50 ids `kind/slug`), `depth` (1–3, default 1), `limit` (1–5000,
 * default 200) and `lang` (EN, RU or KK, any case, default EN) from an Express query object; unknown keys are ignored.
 */
export function parseExportQuery(query: unknown): { ok: true; value: ExportQuery } | { ok: false; problem: ExportQueryProblem } {
  const record: Record<string, unknown> = typeof query === 'object' && query !== null ? { ...query } : {};
  const ids = argumentSchemas.ids.safeParse(record['ids']);
  if (!ids.success) return refusal('ids', ids.error);
  const depth = argumentSchemas.depth.safeParse(record['depth']);
  if (!depth.success) return refusal('depth', depth.error);
  const limit = argumentSchemas.limit.safeParse(record['limit']);
  if (!limit.success) return refusal('limit', limit.error);
  const lang = argumentSchemas.lang.safeParse(record['lang']);
  if (!lang.success) return refusal('lang', lang.error);
  return { ok: true, value: { ids: ids.data, depth: depth.data, limit: limit.data, lang: lang.data } };
}

function refusal(argument: keyof ExportQuery, error: z.ZodError): { ok: false; problem: ExportQueryProblem } {
  const [issue] = error.issues;
  const where = issue && typeof issue.path[0] === 'number' ? ` (id #${issue.path[0] + 1})` : '';
  return { ok: false, problem: { argument, message: `Argument "${argument}"${where}: ${issue?.message ?? 'invalid'}.` } };
}

function toStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}

import { z } from 'zod';
import { ENTITY_KINDS, type EntityKindName } from '../domain/entityKinds.js';
import { entityIdSchema, relationTypeSchema } from '../seed/sourceDocument.js';

/** The arguments of `network` (its `filter` flattened), as the export endpoints take them, and the edges' direction. */
export interface ExportQuery {
  ids: string[];
  depth: number;
  limit: number;
  lang: 'EN' | 'RU' | 'KK';
  types: string[] | null;
  kinds: EntityKindName[] | null;
  excludeKinds: EntityKindName[] | null;
  from: string | null;
  to: string | null;
  /** Write edges as undirected, for tools that follow direction literally (networkx's shortest_path on a DiGraph). */
  undirected: boolean;
}

/** Why a query string was refused: the argument and what it allows. */
export interface ExportQueryProblem {
  argument: keyof ExportQuery;
  message: string;
}

export const MAX_EXPORT_IDS = 50;
export const MAX_EXPORT_TYPES = 50;

/** Query values arrive as a string, repeated as an array, or (extended parser) nested; only strings count. */
const queryValue = z.unknown();

const idsSchema = queryValue
  .transform((value) =>
    toStrings(value)
      .flatMap((part) => part.split(','))
      .map((id) => id.trim())
      .filter((id) => id !== ''),
  )
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
    .pipe(
      z
        .string()
        .regex(/^\d{1,9}$/, expected)
        .transform(Number)
        .pipe(z.number().int().min(min, expected).max(max, expected)),
    );
}

const langSchema = queryValue
  .transform((value) => (value === undefined ? 'EN' : (toStrings(value)[0] ?? '').toUpperCase()))
  .pipe(z.enum(['EN', 'RU', 'KK'], 'expected lang to be one of EN, RU, KK'));

/** A comma-separated and/or repeated list, or null when absent. */
function listOf<T>(argument: string, item: z.ZodType<T, string>, max: number, example: string) {
  return queryValue
    .transform((value) =>
      value === undefined
        ? null
        : toStrings(value)
            .flatMap((part) => part.split(','))
            .map((part) => part.trim())
            .filter((part) => part !== ''),
    )
    .pipe(
      z
        .array(item)
        .min(1, `expected 1 to ${max} values such as ${argument}=${example}`)
        .max(max, `expected at most ${max} values`)
        .transform((values) => [...new Set(values)])
        .nullable(),
    );
}

const kindSchema = z
  .string()
  .transform((value) => value.toUpperCase())
  .pipe(z.enum(ENTITY_KINDS, `expected entity kinds among ${ENTITY_KINDS.join(', ')}`));

function dateOf(argument: string) {
  return queryValue
    .transform((value) => (value === undefined ? null : (toStrings(value)[0] ?? '')))
    .pipe(z.iso.date(`expected ${argument} to be an ISO-8601 date such as 2025-09-09`).nullable());
}

const undirectedSchema = queryValue
  .transform((value) => (value === undefined ? 'false' : (toStrings(value)[0] ?? '').toLowerCase()))
  .pipe(z.enum(['true', 'false', '1', '0'], 'expected undirected to be true or false'))
  .transform((value) => value === 'true' || value === '1');

/** Each argument's schema; checked one by one so that the first bad argument is the one named. */
const argumentSchemas = {
  ids: idsSchema,
  depth: intInRange('depth', 1, 1, 3),
  limit: intInRange('limit', 200, 1, 5000),
  lang: langSchema,
  types: listOf('types', relationTypeSchema, MAX_EXPORT_TYPES, 'PARTY_TO,SIGNED_AT'),
  kinds: listOf('kinds', kindSchema, ENTITY_KINDS.length, 'ORGANIZATION,PERSON'),
  excludeKinds: listOf('excludeKinds', kindSchema, ENTITY_KINDS.length, 'STATEMENT'),
  from: dateOf('from'),
  to: dateOf('to'),
  undirected: undirectedSchema,
} as const;

/**
 * Reads `ids` (comma-separated and/or repeated, 1–50 ids `kind/slug`), `depth` (1–3, default 1), `limit` (1–5000,
 * default 200), `lang` (EN, RU or KK, any case, default EN), the filters `types` (1–50 relation types), `kinds` and
 * `excludeKinds` (entity kinds, any case), `from` and `to` (ISO dates), and `undirected` (true/false, default false)
 * from an Express query object; unknown keys are ignored.
 */
export function parseExportQuery(
  query: unknown,
): { ok: true; value: ExportQuery } | { ok: false; problem: ExportQueryProblem } {
  const record: Record<string, unknown> = typeof query === 'object' && query !== null ? { ...query } : {};
  const ids = argumentSchemas.ids.safeParse(record['ids']);
  if (!ids.success) return refusal('ids', ids.error);
  const depth = argumentSchemas.depth.safeParse(record['depth']);
  if (!depth.success) return refusal('depth', depth.error);
  const limit = argumentSchemas.limit.safeParse(record['limit']);
  if (!limit.success) return refusal('limit', limit.error);
  const lang = argumentSchemas.lang.safeParse(record['lang']);
  if (!lang.success) return refusal('lang', lang.error);
  const types = argumentSchemas.types.safeParse(record['types']);
  if (!types.success) return refusal('types', types.error);
  const kinds = argumentSchemas.kinds.safeParse(record['kinds']);
  if (!kinds.success) return refusal('kinds', kinds.error);
  const excludeKinds = argumentSchemas.excludeKinds.safeParse(record['excludeKinds']);
  if (!excludeKinds.success) return refusal('excludeKinds', excludeKinds.error);
  const from = argumentSchemas.from.safeParse(record['from']);
  if (!from.success) return refusal('from', from.error);
  const to = argumentSchemas.to.safeParse(record['to']);
  if (!to.success) return refusal('to', to.error);
  if (from.data !== null && to.data !== null && from.data > to.data) {
    return {
      ok: false,
      problem: { argument: 'to', message: `Argument "to": expected a date on or after from (${from.data}).` },
    };
  }
  const undirected = argumentSchemas.undirected.safeParse(record['undirected']);
  if (!undirected.success) return refusal('undirected', undirected.error);
  return {
    ok: true,
    value: {
      ids: ids.data,
      depth: depth.data,
      limit: limit.data,
      lang: lang.data,
      types: types.data,
      kinds: kinds.data,
      excludeKinds: excludeKinds.data,
      from: from.data,
      to: to.data,
      undirected: undirected.data,
    },
  };
}

function refusal(argument: keyof ExportQuery, error: z.ZodError): { ok: false; problem: ExportQueryProblem } {
  const [issue] = error.issues;
  const where =
    issue && typeof issue.path[0] === 'number' ? ` (${argument === 'ids' ? 'id' : 'value'} #${issue.path[0] + 1})` : '';
  return {
    ok: false,
    problem: { argument, message: `Argument "${argument}"${where}: ${issue?.message ?? 'invalid'}.` },
  };
}

function toStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}

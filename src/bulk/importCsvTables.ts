import type { AttributeRow, EntityRow, GraphWritePlan, RelationRow } from '../seed/planGraphWrite.js';

/**
 * CSV lines for `neo4j-admin database import full`, one function per table, writing a row exactly as the MERGE
 * statements of `mergeStatements.ts` would create it in an empty graph: the same labels (NeedsLemmas included: new
 * entities have no lemma keys yet), properties, `searchText` and signing bounds. Strings are always quoted, so an
 * empty field is a missing property and `""` an empty string; list items are joined by ARRAY_DELIMITER.
 */

/** Separates list items and labels: a control character that names, ids and keys cannot hold. */
export const ARRAY_DELIMITER = '\u001f';

/** The importer's spelling of ARRAY_DELIMITER on its command line. */
export const ARRAY_DELIMITER_OPTION = 'U+001F';

/** The source metadata keys a Source entity may carry (`sourceSchema` without `id`), one column each. */
const SOURCE_KEYS = ['title', 'publisher', 'publishedOn', 'language', 'url', 'contentSha256', 'note'] as const;

export const ENTITY_HEADER = [
  'id:ID(Entity)',
  ':LABEL',
  'kind',
  'nameEn',
  'nameRu',
  'nameKk',
  'text',
  'aliases:string[]',
  'evidenceIds:string[]',
  'searchKeys:string[]',
  'searchText',
  'signedOn',
  'signedEarliest',
  ...SOURCE_KEYS,
].join(',');

export const EXCERPT_HEADER = 'id,sourceId,text';

export const ATTRIBUTE_HEADER = [
  'id',
  'entityId',
  'key',
  'value',
  'number:double',
  'unit',
  'qualifier',
  'precision',
  'earliest',
  'latest',
  'basis',
  'inference',
  'evidenceIds:string[]',
].join(',');

export const RELATION_HEADER = ':START_ID(Entity),:END_ID(Entity),:TYPE,id,role,basis,inference,evidenceIds:string[]';

const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;
const optional = (value: string | null | undefined) => (value === null || value === undefined ? '' : quote(value));

/**
 * A list as one quoted field. The importer cannot store an empty list (it stores nothing), so `onEmpty` is told and
 * the writer restores it afterwards (`RESTORE_EMPTY_LISTS`).
 */
function list(values: readonly string[], onEmpty: () => void): string {
  if (values.length === 0) {
    onEmpty();
    return '';
  }
  for (const value of values) {
    if (value.includes(ARRAY_DELIMITER)) throw new Error(`list item ${JSON.stringify(value)} holds U+001F`);
  }
  return quote(values.join(ARRAY_DELIMITER));
}

/** The `searchText` of `SEARCH_TEXT` for an entity without lemma keys. */
export const searchTextOf = (searchKeys: readonly string[]) => searchKeys.map((key) => ` , ${key}`).join('');

/** What the graph's `signedOn`/`signedEarliest` of an entity are, given its signedOn attributes (see SET_SIGNED_ON). */
export function signingBounds(attributes: readonly AttributeRow[]): {
  signedOn: string | null;
  signedEarliest: string | null;
} {
  const rank = (attribute: AttributeRow): number => {
    if (attribute.precision === null) return 0;
    if (attribute.earliest === null || attribute.latest === null) return Number.POSITIVE_INFINITY;
    return Math.round((Date.parse(attribute.latest) - Date.parse(attribute.earliest)) / 86_400_000);
  };
  const best = attributes.toSorted((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0];
  if (!best) return { signedOn: null, signedEarliest: null };
  if (best.precision === null) return { signedOn: best.value, signedEarliest: best.value };
  return { signedOn: best.latest, signedEarliest: best.earliest };
}

/** Counts of lists the importer leaves unset, per table, so the writer knows whether to restore them. */
export interface EmptyLists {
  entities: number;
}

export function entityLine(row: EntityRow, signedAttributes: readonly AttributeRow[], empty: EmptyLists): string {
  const onEmpty = () => void empty.entities++;
  const { signedOn, signedEarliest } = signingBounds(signedAttributes);
  const props = row.sourceProps ?? {};
  for (const key of Object.keys(props)) {
    if (!(SOURCE_KEYS as readonly string[]).includes(key)) throw new Error(`source property "${key}" has no column`);
  }
  return [
    quote(row.id),
    quote(['Entity', row.label, 'NeedsLemmas'].join(ARRAY_DELIMITER)),
    quote(row.kind),
    optional(row.nameEn),
    optional(row.nameRu),
    optional(row.nameKk),
    optional(row.text),
    list(row.aliases, onEmpty),
    list(row.evidenceIds, onEmpty),
    list(row.searchKeys, onEmpty),
    quote(searchTextOf(row.searchKeys)),
    optional(signedOn),
    optional(signedEarliest),
    ...SOURCE_KEYS.map((key) => optional(props[key])),
  ].join(',');
}

export function excerptLine(row: GraphWritePlan['excerpts'][number]): string {
  return `${quote(row.id)},${quote(row.sourceId)},${quote(row.text)}`;
}

/** Attribute and relation evidence is never empty (the schema requires an excerpt); a list field is kept anyway. */
const never = () => {
  throw new Error('a fact without evidence cannot be imported');
};

export function attributeLine(row: AttributeRow): string {
  return [
    quote(row.id),
    quote(row.entityId),
    quote(row.key),
    quote(row.value),
    row.number === null ? '' : String(row.number),
    optional(row.unit),
    optional(row.qualifier),
    optional(row.precision),
    optional(row.earliest),
    optional(row.latest),
    quote(row.basis === 'STATED' ? 'STATED' : 'INFERRED'),
    optional(row.basis === 'STATED' ? null : row.inference),
    list(row.evidenceIds, never),
  ].join(',');
}

export function relationLine(row: RelationRow): string {
  return [
    quote(row.from),
    quote(row.to),
    quote(row.type),
    quote(row.id),
    optional(row.role),
    quote(row.basis === 'STATED' ? 'STATED' : 'INFERRED'),
    optional(row.basis === 'STATED' ? null : row.inference),
    list(row.evidenceIds, never),
  ].join(',');
}

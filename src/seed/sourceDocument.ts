import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ENTITY_ID, ENTITY_KINDS, kindPrefix } from '../domain/entityKinds.js';
import { RELATION_TYPE } from '../domain/relationTypes.js';
import { BASES, type BasisName } from '../domain/howKnown.js';

/**
 * The shape of one curated source file in `seeds/`: a source, the entities it mentions, the relations it states.
 * Every excerpt in the file is a verbatim quote of that file's source. The same schema validates mutations,
 * so a seed file and an API write obey one set of rules.
 *
 * A draft written by `npm run draft` has the same shape, with a `review` mark on each entity, attribute and relation
 * the text analysis proposed (see REVIEW_MARKS). The schema reads the marks so that a draft can be checked like any
 * seed; the loader (`planGraphWrite`) refuses an entry while it is still marked, naming it.
 */

/**
 * Bounds on what an entity keeps for search. Its names, aliases and title are indexed (a range index on the search
 * keys, whose whole list must fit in about 8 KB, and a full-text index); past these bounds a write would fail
 * inside the index, so it is refused here, naming the field.
 */
export const MAX_ID_LENGTH = 200;
export const MAX_NAME_LENGTH = 200;
export const MAX_TITLE_LENGTH = 500;
/** Aliases of one entity, counting those already stored: aliases only grow. */
export const MAX_ALIASES = 30;
/**
 * Characters of search keys one entity may keep (each key counted with 2 characters of overhead), counting those
 * already stored: names and aliases once given stay searchable, so renames add up too.
 */
export const MAX_SEARCH_KEY_CHARACTERS = 6000;
export const entityIdSchema = z
  .string()
  .max(MAX_ID_LENGTH, `expected an id of at most ${MAX_ID_LENGTH} characters`)
  .regex(
    ENTITY_ID,
    'expected "kind/slug" such as "organization/ktz-express" (lowercase latin letters, digits and hyphens)',
  );

/** One excerpt or several; a fact without an excerpt is refused. */
export const evidenceSchema = z
  .union([z.string(), z.array(z.string()).min(1, 'expected at least one excerpt')])
  .transform((value) => (typeof value === 'string' ? [value] : value))
  .pipe(
    z.array(
      z
        .string()
        .trim()
        .min(3, 'expected a verbatim excerpt of at least 3 characters')
        .max(1000, 'expected an excerpt of at most 1000 characters: quote the clause that states the fact'),
    ),
  );

const nonEmpty = z.string().trim().min(1, 'expected a non-empty string');
const nameText = nonEmpty.max(MAX_NAME_LENGTH, `expected a name of at most ${MAX_NAME_LENGTH} characters`);

export const namesSchema = z
  .strictObject({ en: nameText.optional(), ru: nameText.optional(), kk: nameText.optional() })
  .refine((names) => Boolean(names.en ?? names.ru ?? names.kk), 'expected at least one of en, ru, kk');

/**
 * Why an entry awaits an editor: `proposed` (a new entity or a fact the analysis read from the text) or `linked`
 * (a known entity the analysis linked a mention to, with that mention as new evidence). Deleting the mark accepts it.
 */
export const REVIEW_MARKS = ['proposed', 'linked'] as const;
export type ReviewMark = (typeof REVIEW_MARKS)[number];

/** A draft's mark on an entry; the entry is not loaded until the mark is deleted. */
const review = z
  .enum(REVIEW_MARKS, 'expected review: proposed or linked, or no "review" line (an accepted entry)')
  .optional();

export const QUALIFIERS = [
  'about',
  'up to',
  'more than',
  'at least',
  'less than',
  'by',
  'on or before',
  'on or after',
] as const;

/**
 * `basis` and `inference` of one fact. The basis has no default: a fact must say whether its source states it or
 * the graph concludes it, and a conclusion names its reasoning in one sentence (and only a conclusion does).
 */
const howKnown = {
  basis: z.enum(
    BASES,
    'expected basis STATED (the excerpts say it in so many words) or INFERRED (concluded from them)',
  ),
  inference: z
    .string()
    .trim()
    .min(10, 'expected the reasoning in one sentence')
    .max(500, 'expected the reasoning in one sentence of at most 500 characters')
    .optional(),
};

function refineHowKnown(fact: { basis: BasisName; inference?: string | undefined }, context: z.RefinementCtx): void {
  if (fact.basis === 'INFERRED' && fact.inference === undefined) {
    context.addIssue({
      code: 'custom',
      path: ['inference'],
      message: 'expected "inference" (the reasoning in one sentence) when basis is INFERRED',
    });
  }
  if (fact.basis === 'STATED' && fact.inference !== undefined) {
    context.addIssue({
      code: 'custom',
      path: ['inference'],
      message: 'expected no "inference" when basis is STATED: the excerpts state it',
    });
  }
}

export const attributeSchema = z
  .strictObject({
    review,
    key: z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'expected a camelCase key such as "areaSquareMeters"'),
    value: z.union([z.string().trim().min(1), z.number().finite(), z.boolean()]),
    unit: nonEmpty.optional(),
    qualifier: z.enum(QUALIFIERS).optional(),
    evidence: evidenceSchema,
    ...howKnown,
  })
  .superRefine(refineHowKnown);

export const entitySchema = z.strictObject({
  review,
  id: entityIdSchema,
  kind: z.enum(ENTITY_KINDS),
  names: namesSchema,
  aliases: z.array(nameText).max(MAX_ALIASES, `expected at most ${MAX_ALIASES} aliases`).default([]),
  /** Verbatim text of a statement (kind STATEMENT only). */
  text: nonEmpty.optional(),
  evidence: evidenceSchema,
  attributes: z.array(attributeSchema).default([]),
});

export const relationTypeSchema = z
  .string()
  .regex(RELATION_TYPE, 'expected an UPPER_SNAKE_CASE relation type such as "PARTY_TO"');

export const relationSchema = z
  .strictObject({
    review,
    type: relationTypeSchema,
    from: entityIdSchema,
    to: entityIdSchema,
    role: nonEmpty.optional(),
    evidence: evidenceSchema,
    ...howKnown,
  })
  .superRefine(refineHowKnown);

/**
 * The longest source text kept, in characters: a long feature article. About as much Cyrillic text (2 bytes per
 * character in UTF-8) as the default request body (BODY_LIMIT_BYTES, 1 MiB) carries.
 */
export const MAX_SOURCE_TEXT_LENGTH = 500_000;

/** The SHA-256 of a text's UTF-8 bytes, as 64 lowercase hex digits: the `contentSha256` a source declares. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export const sourceSchema = z
  .strictObject({
    id: entityIdSchema.refine((id) => id.startsWith('source/'), 'expected an id starting with "source/"'),
    title: nonEmpty.max(MAX_TITLE_LENGTH, `expected a title of at most ${MAX_TITLE_LENGTH} characters`),
    publisher: nonEmpty.optional(),
    publishedOn: z.iso.date('expected an ISO-8601 date such as 2025-09-09'),
    language: z.string().regex(/^[a-z]{2}$/, 'expected a two-letter ISO 639-1 language code such as "ru"'),
    url: z.url().optional(),
    /** SHA-256 of the text the excerpts were checked against, so a reader can tell whether their copy is the same. */
    contentSha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits')
      .optional(),
    note: nonEmpty.optional(),
    /**
     * The whole text, exactly as published, when it is to be kept with the source: every excerpt quoted from the
     * source is then checked against it at write time. Its SHA-256 becomes `contentSha256`.
     */
    text: z
      .string()
      .min(1, 'expected a non-empty text')
      .max(MAX_SOURCE_TEXT_LENGTH, `expected a text of at most ${MAX_SOURCE_TEXT_LENGTH} characters`)
      .optional(),
  })
  .superRefine((source, context) => {
    if (source.text === undefined || source.contentSha256 === undefined) return;
    const computed = sha256Hex(source.text);
    if (computed !== source.contentSha256) {
      context.addIssue({
        code: 'custom',
        path: ['contentSha256'],
        message: `expected the SHA-256 of the given text (${computed}), got ${source.contentSha256}: give the text alone or its own hash`,
      });
    }
  })
  .transform((source) => (source.text === undefined ? source : { ...source, contentSha256: sha256Hex(source.text) }));

export const sourceDocumentSchema = z
  .strictObject({
    source: sourceSchema,
    entities: z.array(entitySchema).default([]),
    relations: z.array(relationSchema).default([]),
  })
  .superRefine((document, context) => {
    const seen = new Set<string>();
    document.entities.forEach((entity, index) => {
      if (seen.has(entity.id)) {
        context.addIssue({
          code: 'custom',
          path: ['entities', index, 'id'],
          message: `duplicate entity id "${entity.id}" in this file: merge the two entries`,
        });
      }
      seen.add(entity.id);
      const prefix = entity.id.split('/')[0];
      if (prefix !== kindPrefix(entity.kind)) {
        context.addIssue({
          code: 'custom',
          path: ['entities', index, 'id'],
          message: `expected an id starting with "${kindPrefix(entity.kind)}/" for kind ${entity.kind}, got "${entity.id}"`,
        });
      }
      if (entity.kind === 'SOURCE') {
        context.addIssue({
          code: 'custom',
          path: ['entities', index, 'kind'],
          message: 'a source is declared under "source:", not as an entity',
        });
      }
      if ((entity.kind === 'STATEMENT') !== (entity.text !== undefined)) {
        context.addIssue({
          code: 'custom',
          path: ['entities', index, 'text'],
          message: 'expected "text" on every STATEMENT and on nothing else',
        });
      }
    });
  });

export type SourceDocumentInput = z.input<typeof sourceDocumentSchema>;
export type SourceDocument = z.output<typeof sourceDocumentSchema>;
export type EntityDeclaration = z.output<typeof entitySchema>;
export type AttributeDeclaration = z.output<typeof attributeSchema>;
export type RelationDeclaration = z.output<typeof relationSchema>;
export type SourceDeclaration = z.output<typeof sourceSchema>;

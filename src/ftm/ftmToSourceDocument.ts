import { createHash } from 'node:crypto';
import { kindOfId, kindPrefix, type EntityKindName } from '../domain/entityKinds.js';
import { relationTypeSchema, type SourceDocumentInput } from '../seed/sourceDocument.js';
import type { FtmEntity } from './FtmEntity.js';
import { coopgraphIdOfFtmId } from './ftmId.js';
import type { FtmLine } from './parseFtmLines.js';

/** FtM entity schemata read, and the kind each becomes (the schemata `GET /export/ftm` writes, and legal entities). */
const KIND_OF_SCHEMA: Readonly<Record<string, EntityKindName>> = {
  Person: 'PERSON',
  Organization: 'ORGANIZATION',
  Company: 'ORGANIZATION',
  PublicBody: 'ORGANIZATION',
  LegalEntity: 'ORGANIZATION',
  Territory: 'REGION',
  Event: 'EVENT',
  Contract: 'AGREEMENT',
  Project: 'PROJECT',
  RealEstate: 'FACILITY',
};

/** FtM relationship schemata read: the relation type, and the properties naming its `from` and `to` ends. */
const RELATION_OF_SCHEMA: Readonly<Record<string, { type: string | null; from: string; to: string }>> = {
  Directorship: { type: 'HOLDS_OFFICE', from: 'director', to: 'organization' },
  Representation: { type: 'PRESS_SERVICE_OF', from: 'agent', to: 'client' },
  Membership: { type: 'MEMBER_OF', from: 'member', to: 'organization' },
  Ownership: { type: 'OWNS', from: 'owner', to: 'asset' },
  // The type is the first `role` when it is one of ours (as the export writes it), else RELATED_TO.
  UnknownLink: { type: null, from: 'subject', to: 'object' },
};

/** Properties read as attributes, by schema: the FtM property and our attribute key (the export writes them back). */
const ATTRIBUTES_OF_SCHEMA: Readonly<Record<string, readonly { property: string; key: string }[]>> = {
  Contract: [{ property: 'contractDate', key: 'signedOn' }],
  Event: [{ property: 'date', key: 'date' }],
  Organization: [{ property: 'legalForm', key: 'legalForm' }],
  Company: [{ property: 'legalForm', key: 'legalForm' }],
  PublicBody: [{ property: 'legalForm', key: 'legalForm' }],
  LegalEntity: [{ property: 'legalForm', key: 'legalForm' }],
};

/** What the import leaves out, by schema, so that the caller can say so. */
export interface FtmConversion {
  document: SourceDocumentInput;
  skipped: Record<string, number>;
  /** The file line of each of `document.entities` and `document.relations`, for error messages. */
  lines: { entities: number[]; relations: number[] };
}

/** Names already stored for entities an import touches: those are kept, and the file's names become aliases. */
export type StoredNames = ReadonlyMap<string, { en: string | null; ru: string | null; kk: string | null }>;

/**
 * FtM entities as one source document of source `source`, for the seed path's validation and writer. Ids written
 * by our export map back to ours (`coopgraph-organization-ktz` → `organization/ktz`), others to `kind/ftm-…`.
 * Evidence is what the file states: an entity's or link's `summary` (where the export puts verbatim excerpts),
 * else its names (entities) or roles (links). Links whose ends are not read are left out.
 */
export function ftmToSourceDocument(
  lines: readonly FtmLine[],
  source: SourceDocumentInput['source'],
  stored: StoredNames = new Map(),
): FtmConversion {
  const skipped: Record<string, number> = {};
  const skip = (schema: string) => (skipped[schema] = (skipped[schema] ?? 0) + 1);
  const idOf = new Map<string, string>();
  const entities: NonNullable<SourceDocumentInput['entities']> = [];
  const entityLines: number[] = [];
  const relationLines: number[] = [];
  for (const { entity, line } of lines) {
    const kind = KIND_OF_SCHEMA[entity.schema];
    if (!kind) {
      if (!RELATION_OF_SCHEMA[entity.schema]) skip(entity.schema);
      continue;
    }
    const id = ourId(entity, kind);
    if (idOf.has(entity.id)) continue;
    idOf.set(entity.id, id);
    const known = stored.get(id);
    const names = [...values(entity, 'name'), ...values(entity, 'title')];
    const assigned = known
      ? { en: known.en ?? undefined, ru: known.ru ?? undefined, kk: known.kk ?? undefined }
      : byScript(names);
    const named = new Set([assigned.en, assigned.ru, assigned.kk]);
    const aliases = [...new Set([...names, ...values(entity, 'alias')])].filter((name) => !named.has(name));
    const evidence = evidenceOf(entity, names);
    // An attribute's evidence is its value as the file writes it, or the entity's when the value is too short to quote.
    const attributes = (ATTRIBUTES_OF_SCHEMA[entity.schema] ?? []).flatMap(({ property, key }) =>
      values(entity, property)
        .slice(0, 1)
        // The file states each property in so many words: the value is quoted.
        .map((value) => ({
          key,
          value,
          basis: 'STATED' as const,
          evidence: value.trim().length >= 3 ? [value] : evidence,
        })),
    );
    entityLines.push(line);
    entities.push({
      id,
      kind: kindOfId(id),
      names: assigned,
      aliases,
      evidence,
      attributes,
    });
  }
  const relations: NonNullable<SourceDocumentInput['relations']> = [];
  for (const { entity, line } of lines) {
    const link = RELATION_OF_SCHEMA[entity.schema];
    if (!link) continue;
    const from = idOf.get(values(entity, link.from)[0] ?? '');
    const to = idOf.get(values(entity, link.to)[0] ?? '');
    if (!from || !to) {
      skip(`${entity.schema} (an end not imported)`);
      continue;
    }
    const roles = values(entity, 'role');
    const typed = link.type === null && roles[0] !== undefined && relationTypeSchema.safeParse(roles[0]).success;
    const type = link.type ?? (typed ? roles[0]! : 'RELATED_TO');
    const role = typed ? roles[1] : roles[0];
    relationLines.push(line);
    relations.push({
      type,
      from,
      to,
      ...(role ? { role } : {}),
      basis: 'STATED',
      evidence: evidenceOf(entity, typed ? roles.slice(1) : roles),
    });
  }
  return {
    document: { source, entities, relations },
    skipped,
    lines: { entities: entityLines, relations: relationLines },
  };
}

/** Our id for an FtM entity of `kind`: its own when our export wrote it, else a slug of the FtM id under `ftm-`. */
function ourId(entity: FtmEntity, kind: EntityKindName): string {
  const own = coopgraphIdOfFtmId(entity.id);
  // A territory keeps the kind its id names (country or region).
  if (own && (kindOfId(own) === kind || (kind === 'REGION' && kindOfId(own) === 'COUNTRY'))) return own;
  const slug = entity.id
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 120);
  // A slug that changed the id could meet another's: the id's hash keeps them apart.
  const exact = slug === entity.id;
  const hash = createHash('sha256').update(entity.id).digest('hex').slice(0, 12);
  return `${kindPrefix(kind)}/ftm-${exact ? slug : `${slug ? `${slug}-` : ''}${hash}`}`;
}

/** A name's language by its letters: Latin is English, Cyrillic with a Kazakh-only letter Kazakh, other Cyrillic Russian; the first of each wins. */
function byScript(names: readonly string[]): { en?: string; ru?: string; kk?: string } {
  const assigned: { en?: string; ru?: string; kk?: string } = {};
  for (const name of names) {
    const lang = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/.test(name) ? 'kk' : /[А-Яа-яЁё]/.test(name) ? 'ru' : 'en';
    assigned[lang] ??= name;
  }
  return assigned;
}

/** The file's own words for a fact: its `summary` values, else `fallback` (names or roles) of 3 characters or more. */
function evidenceOf(entity: FtmEntity, fallback: readonly string[]): string[] {
  const summary = values(entity, 'summary');
  return summary.length > 0 ? summary : fallback.filter((text) => text.trim().length >= 3).slice(0, 1);
}

function values(entity: FtmEntity, property: string): string[] {
  return (entity.properties[property] ?? []).filter((value) => value.trim() !== '');
}

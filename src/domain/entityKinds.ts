/** The kinds of entity the graph holds; every entity id names its kind by a prefix (`organization/ktz`). */
export const ENTITY_KINDS = [
  'COUNTRY',
  'REGION',
  'PERSON',
  'ORGANIZATION',
  'EVENT',
  'AGREEMENT',
  'PROJECT',
  'FACILITY',
  'STATEMENT',
  'SOURCE',
] as const;

export type EntityKindName = (typeof ENTITY_KINDS)[number];

const KIND_PREFIX: Record<EntityKindName, string> = {
  COUNTRY: 'country',
  REGION: 'region',
  PERSON: 'person',
  ORGANIZATION: 'organization',
  EVENT: 'event',
  AGREEMENT: 'agreement',
  PROJECT: 'project',
  FACILITY: 'facility',
  STATEMENT: 'statement',
  SOURCE: 'source',
};

/** The id prefix (`organization` in `organization/ktz`) of each kind. */
export function kindPrefix(kind: EntityKindName): string {
  return KIND_PREFIX[kind];
}

/** An entity id: a kind prefix, a slash and a slug of lowercase latin letters, digits and single hyphens. */
export const ENTITY_ID = new RegExp(`^(${Object.values(KIND_PREFIX).join('|')})/[a-z0-9]+(?:-[a-z0-9]+)*$`);

const KIND_OF_PREFIX = new Map(ENTITY_KINDS.map((kind) => [KIND_PREFIX[kind], kind]));

/** The kind an entity id names by its prefix; every document is checked to give each entity an id of its kind. */
export function kindOfId(id: string): EntityKindName {
  const kind = KIND_OF_PREFIX.get(id.slice(0, id.indexOf('/')));
  if (kind === undefined) throw new Error(`expected an entity id of the form kind/slug, got "${id}"`);
  return kind;
}

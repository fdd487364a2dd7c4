import { slugify } from '../vendor/transliteration/browser/bundle.esm.min.js';

const PREFIX = {
  COUNTRY: 'country',
  REGION: 'region',
  PERSON: 'person',
  ORGANIZATION: 'organization',
  EVENT: 'event',
  AGREEMENT: 'agreement',
  PROJECT: 'project',
  FACILITY: 'facility',
  STATEMENT: 'statement',
};

/** The id prefix of a kind (`ORGANIZATION` → `organization`), as the API requires it. */
export function kindPrefix(kind) {
  return PREFIX[kind] ?? String(kind).toLowerCase();
}

/** A suggested `kind/slug` id for a name in any script: `Ерлан Касымов` → `person/erlan-kasymov`. */
export function idOf(kind, name) {
  const slug = slugify(String(name), { lowercase: true, separator: '-' })
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return `${kindPrefix(kind)}/${slug || 'unnamed'}`;
}

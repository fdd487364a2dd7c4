import { slugify } from '../vendor/transliteration/browser/bundle.esm.min.js';

/** The id prefix of a kind (`ORGANIZATION` → `organization`): the API requires every kind's name in lower case. */
export function kindPrefix(kind) {
  return String(kind).toLowerCase();
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

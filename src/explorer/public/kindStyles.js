/**
 * Colour and shape for each entity kind, so kinds differ for colour-blind readers too (Okabe–Ito based colours).
 * `name` is what the legend and the text list say.
 */
export const KIND_STYLES = {
  COUNTRY: { colour: '#0072B2', shape: 'round-rectangle', name: 'country' },
  REGION: { colour: '#56B4E9', shape: 'pentagon', name: 'region' },
  PERSON: { colour: '#E69F00', shape: 'ellipse', name: 'person' },
  ORGANIZATION: { colour: '#009E73', shape: 'rectangle', name: 'organization' },
  EVENT: { colour: '#CC79A7', shape: 'diamond', name: 'event' },
  AGREEMENT: { colour: '#D55E00', shape: 'tag', name: 'agreement' },
  PROJECT: { colour: '#F0E442', shape: 'hexagon', name: 'project' },
  FACILITY: { colour: '#8C8C8C', shape: 'octagon', name: 'facility' },
  STATEMENT: { colour: '#882255', shape: 'star', name: 'statement' },
  SOURCE: { colour: '#6A3D9A', shape: 'barrel', name: 'source' },
};

/** The kind's words for people: `organization`, or the kind itself when unknown. */
export function kindName(kind) {
  return KIND_STYLES[kind]?.name ?? String(kind).toLowerCase();
}

/** A name in `lang`, falling back EN → RU → KK like the API does. */
export function pickName(names, lang, fallback) {
  const byLang = new Map((names ?? []).map((name) => [name.lang, name.value]));
  return byLang.get(lang) ?? byLang.get('EN') ?? byLang.get('RU') ?? byLang.get('KK') ?? fallback;
}

/** A relation type in words: `PARTY_TO` → `party to`. */
export function typeInWords(type) {
  return String(type).toLowerCase().replaceAll('_', ' ');
}

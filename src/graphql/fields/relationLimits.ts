/** Relations a kind-specific field reads at most; the generic `relations(first:)` asks for its own number. */
export const FIELD_RELATION_LIMIT = 1000;

/** Relation types `relations(types:)` takes at most; the graph has a few dozen, and null asks for all of them. */
export const MAX_RELATION_TYPES = 50;

/** `relations(first:)` when the client gives no number, and the most it may ask for. */
export const GENERIC_RELATIONS_FIRST = { default: 100, max: 1000 } as const;

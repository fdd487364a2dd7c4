/**
 * What a relation type looks like (`PARTY_TO`): the one pattern that guards every type written into a statement,
 * so a name that is not one never reaches Cypher as text.
 */
export const RELATION_TYPE = /^[A-Z][A-Z0-9_]{0,49}$/;

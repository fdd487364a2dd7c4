const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Escapes every Lucene query-syntax character, so text is matched as text. */
export function escapeLucene(text: string): string {
  return text.replace(LUCENE_SPECIAL, (character) => `\\${character}`);
}

/**
 * A Lucene query over normalized name keys: each word matches exactly (boosted), as a prefix (for as-you-type
 * search) or within a small edit distance (for misspellings). Words are escaped, so the result is always valid.
 */
export function toLuceneQuery(normalizedQuery: string): string {
  return normalizedQuery
    .split(' ')
    .filter((word) => word !== '')
    .map((word) => {
      const escaped = escapeLucene(word);
      const edits = word.length <= 3 ? 0 : word.length <= 5 ? 1 : 2;
      const parts = [`${escaped}^4`];
      if (word.length >= 2) parts.push(`${escaped}*^2`);
      if (edits > 0) parts.push(`${escaped}~${edits}`);
      return `(${parts.join(' OR ')})`;
    })
    .join(' OR ');
}

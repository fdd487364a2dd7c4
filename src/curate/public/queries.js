/** The GraphQL operations the curation page sends. */

const MENTION = 'start end text confidence proposedKind proposedName entity { id kind name(lang: RU) }';

export const ANALYZE_QUERY = `
  query CurateAnalyze($text: String!, $language: Lang) {
    analyzeText(text: $text, language: $language) {
      mentions { ${MENTION} }
      proposals {
        type role value unit confidence
        from { ${MENTION} }
        to { ${MENTION} }
        excerpt { start end text }
      }
    }
  }`;

/**
 * The cheapest editor-only operation: an empty text is refused as bad input only after the key was accepted and its
 * role checked, so the answer's code tells a wrong key (UNAUTHENTICATED) from a reader's (FORBIDDEN).
 */
export const CHECK_KEY_QUERY = `query CurateCheckKey { analyzeText(text: "") { mentions { start } } }`;

export const SEARCH_QUERY = `
  query CurateSearch($query: String!) {
    search(query: $query, first: 8) { entity { id kind name(lang: RU) } }
  }`;

export const SUBMIT_MUTATION = `
  mutation CurateSubmit($input: SubmitSourceInput!) {
    submitSource(input: $input) {
      source { id title }
      change { id entityIds relationIds attributeIds }
    }
  }`;

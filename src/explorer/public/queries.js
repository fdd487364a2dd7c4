/** The GraphQL operations the page sends; each asks only for what it shows. */

export const NETWORK_QUERY = `
  query ExplorerNetwork($ids: [ID!]!, $depth: Int, $lang: Lang) {
    network(ids: $ids, depth: $depth, limit: 500, lang: $lang) {
      truncated
      nodes { id kind label degree betweenness community entity { names { lang value } ... on Agreement { signedOn } } }
      edges { id source target type label basis inference evidence { excerpt source { id title } } }
    }
  }`;

export const SEARCH_QUERY = `
  query ExplorerSearch($query: String!, $lang: Lang) {
    search(query: $query, first: 8) { score entity { id kind name(lang: $lang) } }
  }`;

const EVIDENCE = 'evidence { excerpt source { id title publishedOn } }';

export const ENTITY_QUERY = `
  query ExplorerEntity($id: ID!, $lang: Lang) {
    entity(id: $id) {
      id kind name(lang: $lang)
      names { lang value }
      aliases
      attributes { key value unit qualifier basis inference disputed ${EVIDENCE} }
      ${EVIDENCE}
      ... on Agreement { signedOn }
    }
  }`;

export const PATH_QUERY = `
  query ExplorerPath($from: ID!, $to: ID!, $lang: Lang) {
    path(fromId: $from, toId: $to, maxHops: 6) {
      length
      nodes { id kind name(lang: $lang) names { lang value } ... on Agreement { signedOn } }
      relations { id type role basis inference from { id } to { id } evidence { excerpt source { id title } } }
    }
  }`;

export const OVERVIEW_QUERY = `
  query ExplorerOverview {
    mostConnectedIds(first: 8)
    sources { id title publishedOn }
  }`;

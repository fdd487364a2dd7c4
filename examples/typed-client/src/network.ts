import { graphql } from './gql';
import { request } from './request';

// A named operation: codegen names its types after it (NetworkAroundQuery, NetworkAroundQueryVariables).
export const NetworkAround = graphql(`
  query NetworkAround($ids: [ID!]!, $depth: Int) {
    network(ids: $ids, depth: $depth) {
      truncated
      nodes {
        id
        kind
        label
      }
      edges {
        source
        target
        type
      }
    }
    sources {
      id
      title
      publishedOn
    }
  }
`);

/** One line about the network around `ids`, read through the typed operation. */
export async function describeNetwork(url: string, ids: string[]): Promise<string> {
  const data = await request(url, NetworkAround, { ids, depth: 1 });
  const labels: string[] = data.network.nodes.map((node) => `${node.kind} ${node.label}`);
  const published: string = data.sources[0]?.publishedOn ?? 'none';
  return `${labels.length} nodes; first: ${labels[0]}; a source published on ${published}`;
}

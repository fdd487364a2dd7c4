// Starts GraphiQL (its own UMD build, with React 18's) on the endpoint the page names; no code comes from a CDN.
const root = document.getElementById('graphiql');
const endpoint = new URL(root.dataset.endpoint, location.href).href;
const params = new URLSearchParams(location.search);
const defaultQuery = `# Press the run button (or Ctrl-Enter). Docs: the book icon on the left.
query NetworkAround {
  network(ids: ["organization/ktz"], depth: 1) {
    nodes { id kind label }
    edges { source target type }
  }
}
`;

const fetcher = GraphiQL.createFetcher({ url: endpoint });

ReactDOM.createRoot(root).render(
  React.createElement(GraphiQL, {
    fetcher,
    defaultQuery,
    query: params.get('query') ?? undefined,
    variables: params.get('variables') ?? undefined,
    defaultEditorToolsVisibility: true,
    shouldPersistHeaders: false,
  }),
);

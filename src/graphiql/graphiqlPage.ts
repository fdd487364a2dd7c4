/** Where GraphiQL's assets are served; `createGraphiqlRouter` serves them and the page at this path. */
export const GRAPHIQL_PATH = '/graphiql';

/**
 * The GraphiQL page: GraphiQL's and React's published browser builds and our start script, all from this server,
 * so the IDE works where no CDN can be reached. `endpoint` is the GraphQL URL, relative to the page.
 */
export function graphiqlPage(endpoint: string): string {
  const assets = `${GRAPHIQL_PATH}/assets`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>coopgraph · GraphiQL</title>
<link rel="stylesheet" href="${assets}/graphiql.min.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql" data-endpoint="${escapeAttribute(endpoint)}">Loading GraphiQL…</div>
<script src="${assets}/react.production.min.js"></script>
<script src="${assets}/react-dom.production.min.js"></script>
<script src="${assets}/graphiql.min.js"></script>
<script src="${assets}/start.js"></script>
</body>
</html>
`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

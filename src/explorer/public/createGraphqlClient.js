/** An error the API answered with; `code` is its `extensions.code` (BAD_USER_INPUT, SERVICE_UNAVAILABLE…). */
export class GraphqlRequestError extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}

/**
 * A GraphQL client for `endpoint` (same origin or a CORS-allowlisted one): POSTs JSON, resolves with `data`, rejects
 * with GraphqlRequestError. Passing an AbortSignal lets callers drop stale as-you-type requests.
 */
export function createGraphqlClient(endpoint) {
  return async function request(query, variables = {}, signal = undefined) {
    let response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
        body: JSON.stringify({ query, variables }),
        signal,
      });
    } catch (error) {
      if (error.name === 'AbortError') throw error;
      throw new GraphqlRequestError(`Cannot reach the API at ${endpoint}.`, 'NETWORK');
    }
    const body = await response.json().catch(() => null);
    const [first] = body?.errors ?? [];
    if (first) throw new GraphqlRequestError(first.message, first.extensions?.code ?? 'ERROR');
    if (!response.ok || !body?.data) throw new GraphqlRequestError(`The API answered HTTP ${response.status}.`, 'HTTP');
    return body.data;
  };
}

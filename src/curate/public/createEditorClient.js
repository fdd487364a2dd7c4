/** Codes whose messages are written for people (they name fields and what was expected); others get a plain line. */
const SPOKEN_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'SERVICE_UNAVAILABLE',
  'PAYLOAD_TOO_LARGE',
  'OPERATION_TIMEOUT',
  'RATE_LIMITED',
]);

/** An error the API answered with: `code` is its `extensions.code`, `problems` the input fields it names. */
export class EditorRequestError extends Error {
  constructor(message, code, problems = []) {
    super(message);
    this.code = code;
    this.problems = problems;
  }
}

/**
 * A GraphQL client for this origin's endpoint that sends the editor's key as a bearer token (in a header, never in a
 * URL). Rejects with EditorRequestError; messages of unexpected errors are replaced, so no internals are shown.
 */
export function createEditorClient(endpoint, getKey) {
  return async function request(query, variables = {}) {
    let response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          authorization: `Bearer ${getKey()}`,
        },
        body: JSON.stringify({ query, variables }),
      });
    } catch {
      throw new EditorRequestError('Cannot reach the server. Check the connection and retry.', 'NETWORK');
    }
    const body = await response.json().catch(() => null);
    const [first] = body?.errors ?? [];
    if (first) {
      const code = first.extensions?.code ?? 'ERROR';
      if (!SPOKEN_CODES.has(code))
        throw new EditorRequestError('The server could not complete this request. Retry, or report it.', code);
      const problems = Array.isArray(first.extensions?.problems) ? first.extensions.problems.map(String) : [];
      throw new EditorRequestError(first.message, code, problems);
    }
    if (!response.ok || !body?.data)
      throw new EditorRequestError(`The server answered HTTP ${response.status}.`, 'HTTP');
    return body.data;
  };
}

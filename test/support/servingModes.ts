import type { ServerOptions } from '../../src/server/createServer.js';
import { startTestServer, type TestServer } from './startTestServer.js';

/** One way of serving /graphql: the two performance switches of ServerOptions. */
export interface ServingMode {
  name: string;
  options: Required<Pick<ServerOptions, 'compiledExecution' | 'graphqlHttp'>>;
}

/** The default (graphql-jit, bare node:http) first, then every combination with a switch off. */
export const SERVING_MODES: readonly ServingMode[] = [
  { name: 'graphql-jit on node:http (default)', options: { compiledExecution: true, graphqlHttp: 'node' } },
  { name: 'graphql-js on node:http', options: { compiledExecution: false, graphqlHttp: 'node' } },
  { name: 'graphql-jit on Express', options: { compiledExecution: true, graphqlHttp: 'express' } },
  { name: 'graphql-js on Express', options: { compiledExecution: false, graphqlHttp: 'express' } },
];

/** A test server per serving mode, in the order of SERVING_MODES, otherwise alike. */
export async function startServingModes(
  options: Partial<ServerOptions> = {},
): Promise<{ mode: ServingMode; server: TestServer }[]> {
  return Promise.all(
    SERVING_MODES.map(async (mode) => ({ mode, server: await startTestServer({ ...options, ...mode.options }) })),
  );
}

/** An HTTP request to /graphql. */
export interface GraphqlHttpRequest {
  method?: 'GET' | 'POST' | 'OPTIONS';
  /** Appended to `/graphql`, such as `?query=...`. */
  search?: string;
  headers?: Record<string, string>;
  /** The raw body; for JSON, use `json`. */
  body?: string;
  json?: unknown;
}

/** What parity compares of an answer: the status, the headers a client acts on, and the body. */
export interface ComparableAnswer {
  status: number;
  headers: Record<string, string | null>;
  body: unknown;
}

const COMPARED_HEADERS = [
  'content-type',
  'cache-control',
  'retry-after',
  'access-control-allow-origin',
  'access-control-allow-methods',
  'vary',
];

/**
 * Sends the request and returns its answer without what differs between any two runs by design: the request id
 * (its presence is kept) and the stack traces that development servers add to errors (they name the executor's
 * own frames).
 */
export async function comparableAnswer(url: string, request: GraphqlHttpRequest): Promise<ComparableAnswer> {
  const { method = 'POST', search = '', json } = request;
  const headers = { ...(json === undefined ? {} : { 'content-type': 'application/json' }), ...request.headers };
  const response = await fetch(`${url}/graphql${search}`, {
    method,
    headers,
    body: json === undefined ? request.body : JSON.stringify(json),
  });
  const text = await response.text();
  const compared = Object.fromEntries(COMPARED_HEADERS.map((name) => [name, response.headers.get(name)]));
  return {
    status: response.status,
    headers: { ...compared, 'x-request-id': response.headers.has('x-request-id') ? 'present' : null },
    body: text === '' ? '' : withoutRunDetails(JSON.parse(text)),
  };
}

function withoutRunDetails(body: { errors?: { extensions?: Record<string, unknown> }[] }): unknown {
  if (!Array.isArray(body.errors)) return body;
  const errors = body.errors.map(({ extensions, ...error }) => {
    if (extensions === undefined) return error;
    const { stacktrace: _stacktrace, requestId: _requestId, ...kept } = extensions;
    return { ...error, extensions: kept };
  });
  return { ...body, errors };
}

import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citedSourcesQuery, EVIDENCE_OWNERS, NESTED } from '../graphql/roundTripOperations.js';
import {
  comparableAnswer,
  SERVING_MODES,
  startServingModes,
  type ComparableAnswer,
  type GraphqlHttpRequest,
  type ServingMode,
} from '../support/servingModes.js';
import type { TestServer } from '../support/startTestServer.js';

const ORIGIN = 'https://newsroom.example';
const EXAMPLES = path.resolve('examples');
const examples = (await readdir(EXAMPLES)).filter((file) => file.endsWith('.graphql')).sort();

/** test/graphql/roundTrips.test.ts's operations, with the round trips each is allowed there. */
const ROUND_TRIPS: [string, GraphqlHttpRequest, number][] = [
  ['nested agreements, first 5', { json: { query: NESTED, variables: { first: 5 } } }, 1],
  ['nested agreements, first 50', { json: { query: NESTED, variables: { first: 50 } } }, 1],
  ...EVIDENCE_OWNERS.map((of): [string, GraphqlHttpRequest, number] => [
    `sources cited by ${of} evidence`,
    { json: { query: citedSourcesQuery(of) } },
    1,
  ]),
];

/** What a failure must answer in every mode: its status, its first error's code, CORS's allowed origin. */
interface Outcome {
  status: number;
  code: string | null;
  allowOrigin: string | null;
}

const refused = (status: number, code: string): Outcome => ({ status, code, allowOrigin: null });

/** Failures at every stage, from the HTTP body to a resolver, and CORS, so that codes and statuses are compared too. */
const FAILURES: [string, GraphqlHttpRequest, Outcome][] = [
  [
    'a resolver refusing an argument',
    { json: { query: '{ network(ids: []) { nodes { id } } }' } },
    refused(400, 'BAD_USER_INPUT'),
  ],
  [
    'a nested resolver refusing an argument beside a field that answers',
    {
      json: {
        query:
          '{ ktz: entity(id: "organization/ktz") { id name } broken: entity(id: "organization/ktz") { relations(first: -1) { id } } }',
      },
    },
    refused(400, 'BAD_USER_INPUT'),
  ],
  [
    'a variable of the wrong type',
    {
      json: { query: 'query($first: Int) { agreements(first: $first) { totalCount } }', variables: { first: 'many' } },
    },
    refused(400, 'BAD_USER_INPUT'),
  ],
  [
    'an unknown field',
    { json: { query: '{ entity(id: "organization/ktz") { nickname } }' } },
    refused(400, 'GRAPHQL_VALIDATION_FAILED'),
  ],
  ['a syntax error', { json: { query: '{ entity(id: ' } }, refused(400, 'GRAPHQL_PARSE_FAILED')],
  [
    'a query over the cost limit',
    {
      json: {
        query:
          '{ network(ids: ["organization/ktz"], depth: 3, limit: 5000) { nodes { entity { relations(first: 1000) { to { relations(first: 1000) { id } } } } } } }',
      },
    },
    refused(400, 'GRAPHQL_VALIDATION_FAILED'),
  ],
  ['broken JSON', { headers: { 'content-type': 'application/json' }, body: '{"query": ' }, refused(400, 'BAD_REQUEST')],
  [
    'a body over the limit',
    { json: { query: `{ __typename }${' '.repeat(1_100_000)}` } },
    refused(413, 'PAYLOAD_TOO_LARGE'),
  ],
  [
    'a GET without a preflight header',
    { method: 'GET', search: `?query=${encodeURIComponent('{ __typename }')}` },
    refused(400, 'BAD_REQUEST'),
  ],
  [
    'a GET with one',
    {
      method: 'GET',
      search: `?query=${encodeURIComponent('{ entity(id: "organization/ktz") { id } }')}`,
      headers: { 'apollo-require-preflight': 'true' },
    },
    { status: 200, code: null, allowOrigin: null },
  ],
  [
    'a CORS preflight',
    {
      method: 'OPTIONS',
      headers: {
        origin: ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    },
    { status: 204, code: null, allowOrigin: ORIGIN },
  ],
  [
    'a request from an allowed origin',
    { json: { query: '{ entity(id: "organization/ktz") { id name } }' }, headers: { origin: ORIGIN } },
    { status: 200, code: null, allowOrigin: ORIGIN },
  ],
  [
    'a request from another origin',
    {
      json: { query: '{ entity(id: "organization/ktz") { id name } }' },
      headers: { origin: 'https://elsewhere.example' },
    },
    { status: 200, code: null, allowOrigin: null },
  ],
];

/**
 * The performance switches (graphql-jit execution, /graphql on bare node:http) change how an answer is made, never
 * what it is: every mode answers the examples, the round-trip operations and a set of failures exactly as the
 * default does (status, headers, data, errors with codes; stack traces and request ids aside). Each request is
 * sent twice, since graphql-jit compiles an operation the second time it runs.
 */
describe('serving modes', () => {
  let servers: { mode: ServingMode; server: TestServer }[];
  beforeAll(async () => {
    servers = await startServingModes({ corsOrigins: [ORIGIN] });
  });
  afterAll(() => Promise.all(servers.map(({ server }) => server.close())));

  /** The answers of every mode, twice each, keyed by mode and run. */
  async function answersTo(request: GraphqlHttpRequest, among = servers): Promise<Map<string, ComparableAnswer>> {
    const answers = new Map<string, ComparableAnswer>();
    for (const run of ['first run', 'second run']) {
      for (const { mode, server } of among)
        answers.set(`${mode.name}, ${run}`, await comparableAnswer(server.url, request));
    }
    return answers;
  }

  /** Every answer, next to the default's first. */
  function expectAllAlike(answers: Map<string, ComparableAnswer>): ComparableAnswer {
    const reference = answers.get(`${SERVING_MODES[0]!.name}, first run`)!;
    for (const [key, answer] of answers)
      expect(answer, `${key} answers as ${SERVING_MODES[0]!.name} does`).toEqual(reference);
    return reference;
  }

  it('has a server per mode, the default first', () => {
    expect(servers.map(({ mode }) => mode.options)).toEqual([
      { compiledExecution: true, graphqlHttp: 'node' },
      { compiledExecution: false, graphqlHttp: 'node' },
      { compiledExecution: true, graphqlHttp: 'express' },
      { compiledExecution: false, graphqlHttp: 'express' },
    ]);
  });

  it.each(examples)('answers examples/%s alike, without errors', async (file) => {
    const answer = expectAllAlike(
      await answersTo({ json: { query: await readFile(path.join(EXAMPLES, file), 'utf8') } }),
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ data: expect.any(Object) });
    expect(answer.body).not.toHaveProperty('errors');
  });

  it.each(ROUND_TRIPS)('answers %s alike, in its round-trip budget', async (_name, request, budget) => {
    const answers = await answersTo(request);
    expectAllAlike(answers);
    for (const answer of answers.values())
      expect(answer.body).toMatchObject({ extensions: { queryStats: { roundTrips: budget } } });
  });

  it.each(FAILURES)('answers %s alike', async (_name, request, outcome) => {
    const answer = expectAllAlike(await answersTo(request));
    const code =
      (answer.body as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code ?? null;
    expect({ status: answer.status, code, allowOrigin: answer.headers['access-control-allow-origin'] }).toEqual(
      outcome,
    );
  });

  it('answers an operation that outlives its timeout alike, 504 OPERATION_TIMEOUT', async () => {
    const hasty = await startServingModes({ operationTimeoutMs: 1 });
    try {
      const request = {
        json: {
          query:
            '{ network(ids: ["organization/ktz"], depth: 3, limit: 500) { nodes { id entity { relations { id } } } } }',
        },
      };
      const answer = expectAllAlike(await answersTo(request, hasty));
      expect(answer).toMatchObject({ status: 504, body: { errors: [{ extensions: { code: 'OPERATION_TIMEOUT' } }] } });
    } finally {
      await Promise.all(hasty.map(({ server }) => server.close()));
    }
  });
});

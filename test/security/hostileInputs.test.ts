import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/neo4j/Database.js';
import { readGraphDigest, type GraphDigest } from '../../src/repositories/readGraphDigest.js';
import { createTestKeys, bearer } from '../support/createTestKeys.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

const SECRET = 'test-secret-test-secret-test-secret-0123456789';
const SOURCE = 'source/2025-09-09-krasnogorsk-business-forum';
const EXCERPT = 'АО «Қазақстан темір жолы»';

const INJECTIONS = [
  `"}) MATCH (n) DETACH DELETE n //`,
  `' OR 1=1 --`,
  `x\`) DETACH DELETE n WITH 1 AS x MATCH (\``,
  `organization/ktz"}) SET n.nameEn = "pwned" //`,
  `$(rm -rf /)`,
  `<script>alert(1)</script>`,
  `\u0000\u202e`,
];

const UPSERT = `mutation ($input: UpsertEntityInput!) { upsertEntity(input: $input) { entity { id } } }`;
const RELATION = `mutation ($input: AddRelationInput!) { addRelation(input: $input) { relation { id } } }`;
const SOURCE_MUTATION = `mutation ($input: AddSourceInput!) { addSource(input: $input) { entity { id } } }`;
const RETRACT = `mutation ($input: RetractFactInput!) { retractFact(input: $input) { id } }`;
const AGREEMENT = `mutation ($input: RecordAgreementInput!) { recordAgreement(input: $input) { entity { id } } }`;

interface HostileCase {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Which token to send: a key of `tokens`, or a literal Authorization header. */
  token?: string;
  authorization?: string;
  rawBody?: string;
  status: number;
  code: string;
}

const validEntity = {
  id: 'organization/test-security-x',
  kind: 'ORGANIZATION',
  names: { en: 'X' },
  evidence: { sourceId: SOURCE, excerpts: [EXCERPT] },
};

function cases(): HostileCase[] {
  const list: HostileCase[] = [];
  INJECTIONS.forEach((injection, index) => {
    list.push({
      name: `injection #${index} in entity(id)`,
      query: `query ($id: ID!) { entity(id: $id) { id } }`,
      variables: { id: injection },
      status: 200,
      code: 'NONE',
    });
    list.push({
      name: `injection #${index} in upsertEntity id, names and aliases`,
      query: UPSERT,
      token: 'editor',
      variables: { input: { ...validEntity, id: injection, names: { en: injection }, aliases: [injection] } },
      status: 400,
      code: 'BAD_USER_INPUT',
    });
    list.push({
      name: `injection #${index} in addRelation type`,
      query: RELATION,
      token: 'editor',
      variables: {
        input: {
          type: injection,
          fromId: 'organization/ktz',
          toId: 'region/krasnogorsk',
          evidence: { sourceId: SOURCE, excerpts: [EXCERPT] },
        },
      },
      status: 400,
      code: 'BAD_USER_INPUT',
    });
    list.push({
      name: `injection #${index} in evidence sourceId`,
      query: UPSERT,
      token: 'editor',
      variables: { input: { ...validEntity, evidence: { sourceId: injection, excerpts: [injection] } } },
      status: 400,
      code: 'BAD_USER_INPUT',
    });
    list.push({
      name: `injection #${index} in retractFact id`,
      query: RETRACT,
      token: 'admin',
      variables: { input: { id: injection, reason: injection } },
      status: 400,
      code: 'BAD_USER_INPUT',
    });
  });
  list.push(
    {
      name: 'injection in addSource id, language and date',
      query: SOURCE_MUTATION,
      token: 'editor',
      variables: {
        input: { id: INJECTIONS[0], title: INJECTIONS[3], publishedOn: '2025-01-01', language: INJECTIONS[1] },
      },
      status: 400,
      code: 'BAD_USER_INPUT',
    },
    {
      name: 'an impossible date in addSource',
      query: SOURCE_MUTATION,
      token: 'editor',
      variables: { input: { id: 'source/test-security', title: 'T', publishedOn: "2025-13-45') //", language: 'en' } },
      status: 400,
      code: 'BAD_USER_INPUT',
    },
    {
      name: 'injection in recordAgreement party ids and roles',
      query: AGREEMENT,
      token: 'editor',
      variables: {
        input: {
          id: 'agreement/test-security',
          names: { en: 'A' },
          evidence: { sourceId: SOURCE, excerpts: [EXCERPT] },
          parties: [{ id: INJECTIONS[0], role: INJECTIONS[3], excerpts: [EXCERPT] }],
        },
      },
      status: 400,
      code: 'BAD_USER_INPUT',
    },
    {
      name: 'a relation to an unknown entity',
      query: RELATION,
      token: 'editor',
      variables: {
        input: {
          type: 'PARTY_TO',
          fromId: 'organization/test-security-nobody',
          toId: 'region/krasnogorsk',
          evidence: { sourceId: SOURCE, excerpts: [EXCERPT] },
        },
      },
      status: 400,
      code: 'BAD_USER_INPUT',
    },
    {
      name: 'a kind that differs from the stored one',
      query: UPSERT,
      token: 'editor',
      variables: { input: { ...validEntity, id: 'organization/ktz', kind: 'PERSON' } },
      status: 400,
      code: 'BAD_USER_INPUT',
    },
    {
      name: 'an id prefix that lies about the kind',
      query: UPSERT,
      token: 'editor',
      variables: { input: { ...validEntity, id: 'person/ktz' } },
      status: 400,
      code: 'BAD_USER_INPUT',
    },
    {
      name: 'Lucene syntax in search',
      query: `{ search(query: "ktz~ OR *:* AND name:[a TO z]^9 \\\\") { entity { id } } }`,
      status: 200,
      code: 'NONE',
    },
    {
      name: 'a lone Lucene wildcard in search',
      query: `{ search(query: "*") { entity { id } } }`,
      status: 400,
      code: 'BAD_USER_INPUT',
    },
    {
      name: 'an unbalanced Lucene query in search',
      query: `{ search(query: "((( ktz\\" AND") { entity { id } } }`,
      status: 200,
      code: 'NONE',
    },
    {
      name: 'a search result count past the limit',
      query: `{ search(query: "ktz", first: 101) { entity { id } } }`,
      status: 400,
      code: 'BAD_USER_INPUT',
    },
    {
      name: 'a search result count that blows the cost limit',
      query: `{ search(query: "ktz", first: 100000) { entity { id } } }`,
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
    },
    {
      name: 'a 10-level nested query',
      query: `{ entity(id: "organization/ktz") { relations { from { relations { from { relations { from { relations { from { id } } } } } } } } } }`,
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
    },
    {
      name: 'an alias bomb of 100 aliases',
      query: `{ ${Array.from({ length: 100 }, (_, index) => `a${index}: sources { id }`).join(' ')} }`,
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
    },
    {
      name: 'a field-duplication bomb',
      query: `{ sources { ${'title '.repeat(3000)} } }`,
      status: 400,
      code: 'GRAPHQL_PARSE_FAILED',
    },
    {
      name: 'a directive bomb',
      query: `{ sources { id ${'@skip(if: false) '.repeat(50)} } }`,
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
    },
    { name: 'malformed GraphQL', query: `{ entity(id: "x") { id `, status: 400, code: 'GRAPHQL_PARSE_FAILED' },
    {
      name: 'a 5 MB body',
      query: '',
      rawBody: JSON.stringify({ query: '{ sources { id } }', variables: { pad: 'x'.repeat(5 * 1024 * 1024) } }),
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
    },
    {
      name: 'a mutation without a token',
      query: UPSERT,
      variables: { input: validEntity },
      status: 401,
      code: 'UNAUTHENTICATED',
    },
    {
      name: 'a mutation with a reader key',
      query: UPSERT,
      token: 'reader',
      variables: { input: validEntity },
      status: 403,
      code: 'FORBIDDEN',
    },
    {
      name: 'a retraction with an editor key',
      query: RETRACT,
      token: 'editor',
      variables: { input: { id: 'organization/ktz', reason: 'hostile' } },
      status: 403,
      code: 'FORBIDDEN',
    },
    {
      name: 'an unknown API key',
      query: UPSERT,
      authorization: 'Bearer cgk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      variables: { input: validEntity },
      status: 401,
      code: 'UNAUTHENTICATED',
    },
    {
      name: 'a bad token on a public read',
      query: `{ sources { id } }`,
      authorization: 'Bearer not-a-token',
      status: 401,
      code: 'UNAUTHENTICATED',
    },
    {
      name: 'a non-bearer Authorization scheme',
      query: UPSERT,
      authorization: 'Basic bmVvNGo6bmVvNGo=',
      variables: { input: validEntity },
      status: 401,
      code: 'UNAUTHENTICATED',
    },
    {
      name: 'an expired JWT',
      query: UPSERT,
      token: 'expiredJwt',
      variables: { input: validEntity },
      status: 401,
      code: 'UNAUTHENTICATED',
    },
    {
      name: 'a JWT with a forged admin role (wrong secret)',
      query: RETRACT,
      token: 'forgedJwt',
      variables: { input: { id: 'organization/ktz', reason: 'forged' } },
      status: 401,
      code: 'UNAUTHENTICATED',
    },
    {
      name: 'an unsigned JWT (alg none) claiming admin',
      query: RETRACT,
      token: 'unsignedJwt',
      variables: { input: { id: 'organization/ktz', reason: 'forged' } },
      status: 401,
      code: 'UNAUTHENTICATED',
    },
    {
      name: 'a valid JWT whose role claim is not a known role',
      query: UPSERT,
      token: 'strangeRoleJwt',
      variables: { input: validEntity },
      status: 403,
      code: 'FORBIDDEN',
    },
    {
      name: 'a valid JWT of an editor trying to retract',
      query: RETRACT,
      token: 'editorJwt',
      variables: { input: { id: 'organization/ktz', reason: 'hostile' } },
      status: 403,
      code: 'FORBIDDEN',
    },
    {
      name: 'the audit trail without a token',
      query: `{ changes { edges { node { id } } } }`,
      status: 401,
      code: 'UNAUTHENTICATED',
    },
    {
      name: 'a forged audit cursor',
      query: `{ changes(after: "eyJub3QiOiJhIGN1cnNvciJ9") { edges { node { id } } } }`,
      token: 'editor',
      status: 400,
      code: 'BAD_USER_INPUT',
    },
  );
  return list;
}

describe('hostile inputs', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  let before: GraphDigest;

  beforeAll(async () => {
    server = await startTestServer({ jwt: { secret: SECRET } });
    Object.assign(tokens, await createTestKeys(server.driver, 'security'));
    const key = new TextEncoder().encode(SECRET);
    const sign = (claims: Record<string, unknown>, secret = key, expiresIn = '5m') =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('attacker')
        .setIssuedAt()
        .setExpirationTime(expiresIn)
        .sign(secret);
    tokens.expiredJwt = await new SignJWT({ role: 'editor' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('late')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(key);
    tokens.forgedJwt = await sign(
      { role: 'admin' },
      new TextEncoder().encode('another-secret-another-secret-another-secret'),
    );
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    tokens.unsignedJwt = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub: 'attacker', role: 'admin', exp: Math.floor(Date.now() / 1000) + 600 })}.`;
    tokens.strangeRoleJwt = await sign({ role: 'superuser' });
    tokens.editorJwt = await sign({ role: ['reader', 'editor'] });
    before = await readGraphDigest(createDatabase({ driver: server.driver }));
  });
  afterAll(() => server.close());

  const all = cases();

  it('holds at least 30 hostile inputs', () => {
    expect(all.length).toBeGreaterThanOrEqual(30);
  });

  it.each(all)(
    'answers $name with $status $code',
    async ({ query, variables, token, authorization, rawBody, status, code }) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token) headers.authorization = `Bearer ${tokens[token]}`;
      if (authorization) headers.authorization = authorization;
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers,
        body: rawBody ?? JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
      expect({ status: response.status, code: body.errors?.[0]?.extensions?.code ?? 'NONE' }).toEqual({ status, code });
    },
  );

  it('leaves the graph unchanged afterwards', async () => {
    expect(await readGraphDigest(createDatabase({ driver: server.driver }))).toEqual(before);
  });

  it('still accepts a valid editor key, so the refusals above were not blanket ones', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(tokens.reader!) },
      body: JSON.stringify({ query: '{ sources { id } }' }),
    });
    expect(response.status).toBe(200);
  });
});

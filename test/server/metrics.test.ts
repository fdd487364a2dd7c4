import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/neo4j/Database.js';
import { createMetrics } from '../../src/server/createMetrics.js';
import { bearer, createTestKeys } from '../support/createTestKeys.js';
import { postGraphQL } from '../support/postGraphQL.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

/** One sample line of the Prometheus text format: a metric name, optional labels, a value. */
const SAMPLE =
  /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\])*",?)*\})? (-?[0-9.e+-]+|[Nn]a[Nn]|[+-]Inf)$/;

/** Parses the exposition text into `name{labels}` → value, failing on any line that is not a comment or sample. */
function parseMetrics(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('# HELP ') || line.startsWith('# TYPE ')) continue;
    expect(line).toMatch(SAMPLE);
    const split = line.lastIndexOf(' ');
    samples.set(line.slice(0, split), Number(line.slice(split + 1)));
  }
  return samples;
}

async function scrape(server: TestServer, headers: Record<string, string> = {}): Promise<Map<string, number>> {
  const response = await fetch(`${server.url}/metrics`, { headers });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain; version=0.0.4');
  return parseMetrics(await response.text());
}

describe('GET /metrics', () => {
  let server: TestServer;
  let keys: Awaited<ReturnType<typeof createTestKeys>>;

  beforeAll(async () => {
    server = await startTestServer({
      rateLimits: { anonymous: { points: 6, durationSeconds: 60 }, keyed: { points: 100, durationSeconds: 60 } },
      neo4jSupervisor: { status: () => ({ state: 'running', restarts: 2, attempt: 0, pid: 1, lastExit: null }) },
    });
    keys = await createTestKeys(server.driver, 'metrics');
  });
  afterAll(() => server.close());

  it('counts requests by operation and outcome, exports by format and status, and refusals', async () => {
    for (let index = 0; index < 2; index++)
      expect((await postGraphQL(server.url, 'query Sources { sources { id } }')).status).toBe(200);
    expect((await postGraphQL(server.url, '{ __typename }')).status).toBe(200);
    expect((await postGraphQL(server.url, 'query Broken { sources { nope } }')).status).toBe(400);
    // A name sent beside the document but absent from it never becomes a label.
    const unresolved = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query Real { __typename }', operationName: 'Invented' }),
    });
    expect(unresolved.status).toBe(400);
    const exported = await fetch(`${server.url}/export/csv?ids=organization/ktz`);
    expect(exported.status).toBe(200);
    await exported.arrayBuffer();
    // The seventh anonymous request is past the allowance of six.
    expect((await postGraphQL(server.url, '{ __typename }')).status).toBe(429);
    expect((await fetch(`${server.url}/export/gexf?ids=organization/ktz`)).status).toBe(429);
    expect((await postGraphQL(server.url, 'query Keyed { __typename }', {}, bearer(keys.reader))).status).toBe(200);

    const samples = await scrape(server);
    expect(samples.get('coopgraph_graphql_requests_total{operation="Sources",outcome="ok"}')).toBe(2);
    expect(samples.get('coopgraph_graphql_request_duration_seconds_count{operation="Sources",outcome="ok"}')).toBe(2);
    expect(
      samples.get('coopgraph_graphql_request_duration_seconds_bucket{le="+Inf",operation="Sources",outcome="ok"}'),
    ).toBe(2);
    expect(samples.get('coopgraph_graphql_requests_total{operation="(anonymous)",outcome="ok"}')).toBe(1);
    expect(
      samples.get('coopgraph_graphql_requests_total{operation="(none)",outcome="GRAPHQL_VALIDATION_FAILED"}'),
    ).toBe(1);
    expect(
      samples.get('coopgraph_graphql_requests_total{operation="(none)",outcome="OPERATION_RESOLUTION_FAILURE"}'),
    ).toBe(1);
    expect(samples.get('coopgraph_graphql_requests_total{operation="(none)",outcome="RATE_LIMITED"}')).toBe(1);
    expect(samples.get('coopgraph_graphql_requests_total{operation="Keyed",outcome="ok"}')).toBe(1);
    expect([...samples.keys()].some((key) => key.includes('Invented') || key.includes('Broken'))).toBe(false);
    expect(samples.get('coopgraph_export_requests_total{format="csv",status="200"}')).toBe(1);
    expect(samples.get('coopgraph_export_requests_total{format="gexf",status="429"}')).toBe(1);
    expect(samples.get('coopgraph_export_request_duration_seconds_count{format="csv",status="200"}')).toBe(1);
    expect(samples.get('coopgraph_rate_limited_total{caller="anonymous"}')).toBe(2);
    expect(samples.get('coopgraph_neo4j_sessions_active')).toBe(0);
    expect(samples.get('coopgraph_neo4j_supervisor_state{state="running"}')).toBe(1);
    expect(samples.get('coopgraph_neo4j_supervisor_restarts_total')).toBe(2);
    expect(samples.get('process_resident_memory_bytes')).toBeGreaterThan(0);
  });
});

describe('GET /metrics with METRICS_TOKEN', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ metricsToken: 'scraper-secret-0123456789' });
  });
  afterAll(() => server.close());

  it('answers 401 without the token and the metrics with it', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${server.url}/metrics`, { headers: bearer('wrong-token-0123456789') })).status).toBe(401);
    const samples = await scrape(server, bearer('scraper-secret-0123456789'));
    expect(samples.has('coopgraph_neo4j_sessions_active')).toBe(true);
    // Without a supervisor (an external Neo4j), its metrics are left out.
    expect([...samples.keys()].some((key) => key.startsWith('coopgraph_neo4j_supervisor'))).toBe(false);
  });
});

describe('Neo4j pool use', () => {
  it('counts a session from its start until its work ends', async () => {
    const server = await startTestServer();
    try {
      let active = 0;
      const db = createDatabase({
        driver: server.driver,
        activeSessions: { inc: () => (active += 1), dec: () => (active -= 1) },
      });
      const reads = [db.read('RETURN 1 AS one'), db.read('RETURN 2 AS two')];
      expect(active).toBe(2);
      await Promise.all(reads);
      expect(active).toBe(0);
      await expect(db.read('RETURN nonsense(')).rejects.toThrow();
      expect(active).toBe(0);
    } finally {
      await server.close();
    }
  });
});

describe('operation labels', () => {
  it('folds names past the cap into (other) and keeps names already seen', () => {
    const metrics = createMetrics({ maxOperationNames: 2 });
    expect(['A', 'B', 'C', 'A', null].map((name) => metrics.operationLabel(name))).toEqual([
      'A',
      'B',
      '(other)',
      'A',
      '(anonymous)',
    ]);
  });
});

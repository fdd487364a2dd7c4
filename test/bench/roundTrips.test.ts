import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchOperations, findBenchParameters, type BenchOperation } from '../../bench/benchOperations.js';
import { bulkLoadDocuments } from '../../src/bulk/bulkLoadDocuments.js';
import { writeScaleGraph } from '../../src/generate/writeScaleGraph.js';
import { createDatabase } from '../../src/neo4j/Database.js';
import { comparableAnswer, SERVING_MODES, startServingModes, type ComparableAnswer } from '../support/servingModes.js';
import { startIsolatedNeo4j, type IsolatedNeo4j } from '../support/startIsolatedNeo4j.js';
import type { TestServer } from '../support/startTestServer.js';

/**
 * Cypher round trips our API needs for each benchmark operation (see bench/README.md). A batching regression
 * (a loader bypassed, an N+1 in a resolver) raises one of these; an improvement lowers it: update the number.
 */
const EXPECTED_ROUND_TRIPS: Record<string, number> = { Q1: 1, Q2: 1, Q3: 1, Q4: 1, Q5: 1, Q6: 1 };

// Its own Neo4j: other test files assert facts about the curated seed and must not see the synthetic graph.
let neo4j: IsolatedNeo4j;
let driver: Driver;
let servers: TestServer[] = [];
let operations: BenchOperation[];
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'coopgraph-scale-'));
  neo4j = await startIsolatedNeo4j({ seed: false });
  driver = neo4j.driver;
  const manifest = await writeScaleGraph(0.3, dataDir);
  await bulkLoadDocuments(createDatabase({ driver }), manifest.documentsDir);
  servers = (await startServingModes({ driver, limits: { maxCost: 1_000_000, maxDepth: 20 } })).map(
    ({ server }) => server,
  );
  operations = benchOperations(await findBenchParameters(driver));
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  await neo4j?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('round trips of the benchmark operations', () => {
  // In every serving mode (test/support/servingModes.ts), twice each, since graphql-jit compiles on the second run;
  // every answer is the default mode's first.
  it.each(Object.entries(EXPECTED_ROUND_TRIPS))(
    '%s takes %i Cypher round trip(s), with the same answer in every serving mode',
    async (id, expected) => {
      const operation = operations.find((candidate) => candidate.id === id)!;
      const [step] = operation.steps.ours;
      const json = step!.body(null) as { query: string; variables: Record<string, unknown> };
      let reference: ComparableAnswer | undefined;
      for (const run of ['first run', 'second run']) {
        for (const [index, server] of servers.entries()) {
          const answer = await comparableAnswer(server.url, { json });
          expect(answer.status).toBe(200);
          expect(answer.body).not.toHaveProperty('errors');
          expect(answer.body).toMatchObject({ extensions: { queryStats: { roundTrips: expected } } });
          reference ??= answer;
          expect(answer, `${SERVING_MODES[index]!.name}, ${run}`).toEqual(reference);
        }
      }
    },
  );
});

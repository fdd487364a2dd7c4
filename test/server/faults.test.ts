import { spawn } from 'node:child_process';
import { mkdtemp, readdir, copyFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ManagedTransaction } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { createDatabase, type Database } from '../../src/neo4j/Database.js';
import { createDriver } from '../../src/neo4j/createDriver.js';
import { readGraphDigest } from '../../src/repositories/readGraphDigest.js';
import { writeGraph } from '../../src/repositories/writeGraph.js';
import { SEEDS_DIR } from '../../src/loadSeeds.js';
import { planGraphWrite } from '../../src/seed/planGraphWrite.js';
import { sourceDocumentSchema } from '../../src/seed/sourceDocument.js';
import { agreementFixture } from '../support/agreementFixture.js';
import { postGraphQL } from '../support/postGraphQL.js';
import { startIsolatedNeo4j, type IsolatedNeo4j } from '../support/startIsolatedNeo4j.js';
import { startTestServer } from '../support/startTestServer.js';

const QUERY = `{ entity(id: "organization/ktz") { id name relations { id } } }`;

/** A seed file big enough that loading it takes seconds: `count` organizations, each based in one of 10 regions. */
function bigSeed(count: number): string {
  const text = 'Synthetic text for the fault test.';
  const regions = Array.from({ length: 10 }, (_, index) => ({
    id: `region/fault-region-${index}`,
    kind: 'REGION',
    names: { en: `Fault Region ${index}` },
    evidence: text,
  }));
  const organizations = Array.from({ length: count }, (_, index) => ({
    id: `organization/fault-org-${index}`,
    kind: 'ORGANIZATION',
    names: { en: `Fault Org ${index}` },
    aliases: [`FO${index}`],
    evidence: text,
  }));
  return stringify({
    source: { id: 'source/fault-test', title: 'Fault test', publishedOn: '2025-01-01', language: 'en' },
    entities: [...regions, ...organizations],
    relations: organizations.map((organization, index) => ({
      type: 'BASED_IN',
      from: organization.id,
      to: regions[index % 10]!.id,
      evidence: text,
      basis: 'STATED',
    })),
  });
}

function runSeed(uri: string, directory: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/seed.ts', directory], {
    env: { ...process.env, NEO4J_URI: uri, NEO4J_PASSWORD: '', LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, output })),
  );
  return { child, exited };
}

async function openWriteTransactions(db: Database): Promise<number> {
  const rows = await db
    .read<{ open: number }>(
      // Split so that this query's own text does not match.
      `SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS 'UNWIND ' + '$rows' RETURN count(*) AS open`,
    )
    .catch(() => [{ open: 0 }]);
  return rows[0]?.open ?? 0;
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number, stepMs = 50): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if (await condition()) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}

describe('faults', () => {
  let neo4j: IsolatedNeo4j;

  beforeAll(async () => {
    neo4j = await startIsolatedNeo4j({ seed: false });
  });
  afterAll(async () => {
    await neo4j?.close();
  });

  it(
    'leaves the graph as before when a seed load is killed mid-transaction, and a re-run equals an uninterrupted run',
    { timeout: 240_000 },
    async () => {
      const directory = await mkdtemp(path.join(os.tmpdir(), 'coopgraph-fault-seeds-'));
      try {
        for (const file of await readdir(SEEDS_DIR))
          await copyFile(path.join(SEEDS_DIR, file), path.join(directory, file));
        await writeFile(path.join(directory, 'zz-big.yaml'), bigSeed(1_000));
        const db = createDatabase({ driver: neo4j.driver });

        const uninterrupted = await runSeed(neo4j.uri, directory).exited;
        expect(uninterrupted.code, uninterrupted.output).toBe(0);
        const complete = await readGraphDigest(db);
        expect(complete.entities).toBeGreaterThan(1_000);

        const session = neo4j.driver.session();
        await session
          .run(`MATCH (n) WHERE NOT n:Migration CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS`)
          .finally(() => session.close());
        const empty = await readGraphDigest(db);
        expect(empty.entities).toBe(0);

        const killed = runSeed(neo4j.uri, directory);
        await waitFor(async () => (await openWriteTransactions(db)) > 0, 60_000, 20);
        killed.child.kill('SIGKILL');
        expect((await killed.exited).signal).toBe('SIGKILL');
        await waitFor(async () => (await openWriteTransactions(db)) === 0, 30_000, 200);
        expect(await readGraphDigest(db)).toEqual(empty);

        const rerun = await runSeed(neo4j.uri, directory).exited;
        expect(rerun.code, rerun.output).toBe(0);
        expect(await readGraphDigest(db)).toEqual(complete);
      } finally {
        await rm(directory, { recursive: true, force: true });
      }
    },
  );

  it('leaves the graph as before when a mutation batch aborts halfway through its transaction', async () => {
    const db = createDatabase({ driver: neo4j.driver });
    const before = await readGraphDigest(db);
    let statements = 0;
    const aborting: Database = {
      ...db,
      read: db.read,
      write: (work) =>
        db.write((tx) => {
          const failing = Object.create(tx) as ManagedTransaction;
          failing.run = ((...args: Parameters<ManagedTransaction['run']>) => {
            statements += 1;
            if (statements === 4) throw new Error('killed halfway');
            return tx.run(...args);
          }) as ManagedTransaction['run'];
          return work(failing);
        }),
    };
    const plan = planGraphWrite([{ file: 'fixture', document: sourceDocumentSchema.parse(agreementFixture()) }]);
    await expect(writeGraph(aborting, plan, { actor: 'test', operation: 'aborted' })).rejects.toThrow('killed halfway');
    expect(statements).toBe(4);
    expect(await readGraphDigest(db)).toEqual(before);
  });

  it(
    'queues or sheds a burst of 500 requests over a pool of 2 connections, never hangs',
    { timeout: 120_000 },
    async () => {
      const driver = createDriver({ uri: neo4j.uri, maxPoolSize: 2, acquireTimeoutMs: 1_000 });
      const server = await startTestServer({ driver });
      try {
        const started = performance.now();
        const responses = await Promise.all(Array.from({ length: 500 }, () => postGraphQL(server.url, QUERY)));
        const elapsed = performance.now() - started;
        const ok = responses.filter((response) => response.status === 200 && !response.errors).length;
        const shed = responses.filter(
          (response) => response.status === 503 && response.errors?.[0]?.extensions?.code === 'SERVICE_UNAVAILABLE',
        ).length;
        console.info(
          `500 concurrent requests, pool of 2: ${ok} answered, ${shed} shed with 503, in ${Math.round(elapsed)} ms`,
        );
        expect(ok + shed).toBe(500);
        expect(ok).toBeGreaterThan(0);
        expect(elapsed).toBeLessThan(60_000);
      } finally {
        await server.close();
        await driver.close();
      }
    },
  );

  it(
    'answers 503 fast while Neo4j is down, says why on /ready, stays up and recovers by itself',
    { timeout: 240_000 },
    async () => {
      const driver = createDriver({ uri: neo4j.uri, acquireTimeoutMs: 2_000, maxRetryMs: 1_000 });
      const server = await startTestServer({ driver, probeIntervalMs: 250 });
      try {
        expect((await postGraphQL(server.url, QUERY)).status).toBe(200);
        let traffic = true;
        const statuses: number[] = [];
        const load = Promise.all(
          Array.from({ length: 10 }, async () => {
            while (traffic) statuses.push((await postGraphQL(server.url, QUERY)).status);
          }),
        );
        await new Promise((resolve) => setTimeout(resolve, 300));
        await neo4j.stop();
        const firstFailure = await waitFor(async () => (await postGraphQL(server.url, QUERY)).status === 503, 15_000);

        const timings: number[] = [];
        for (let index = 0; index < 20; index += 1) {
          const started = performance.now();
          const response = await postGraphQL(server.url, QUERY);
          timings.push(performance.now() - started);
          expect(response.status).toBe(503);
          expect(response.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
        }
        const ready = await fetch(`${server.url}/ready`);
        expect(ready.status).toBe(503);
        // The open circuit answers at once, with its reason and without the database's address.
        const { reason } = (await ready.json()) as { reason: string };
        expect(reason).toMatch(/^Neo4j is not reachable \(/);
        expect(reason).not.toMatch(/\d+\.\d+\.\d+\.\d+|localhost|:\d{2,5}\b/);
        expect((await fetch(`${server.url}/health`)).status).toBe(200);
        const slowest = Math.max(...timings);
        console.info(
          `Neo4j down: first 503 after ${Math.round(firstFailure)} ms; then 20 requests answered 503 in at most ${Math.round(slowest)} ms each`,
        );
        expect(slowest).toBeLessThan(250);

        await neo4j.restart();
        const recovered = await waitFor(async () => (await postGraphQL(server.url, QUERY)).status === 200, 30_000, 100);
        traffic = false;
        await load;
        console.info(`Neo4j back: answered 200 again ${Math.round(recovered)} ms after it started`);
        // Every answer is a closed one: a result, 503, or 504 when the first queries of a cold Neo4j on a loaded machine
        // outlast the operation timeout.
        expect(statuses.filter((status) => status !== 200 && status !== 503 && status !== 504)).toEqual([]);
        expect((await fetch(`${server.url}/ready`)).status).toBe(200);
      } finally {
        await server.close();
        await driver.close();
      }
    },
  );
});

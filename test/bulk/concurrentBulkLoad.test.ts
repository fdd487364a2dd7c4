import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkLoadDocuments } from '../../src/bulk/bulkLoadDocuments.js';
import { writeScaleGraph } from '../../src/generate/writeScaleGraph.js';
import { createDatabase, type Database } from '../../src/neo4j/Database.js';
import { readGraphDigest, type GraphDigest } from '../../src/repositories/readGraphDigest.js';
import { SeedValidationError } from '../../src/seed/SeedValidationError.js';
import { startIsolatedNeo4j, type IsolatedNeo4j } from '../support/startIsolatedNeo4j.js';

/** Small batches and chunks, so that many batches of one statement are written at once and share end nodes. */
const LOAD = { batchSize: 100, filesPerChunk: 3 };

let workDir: string;
let documentsDir: string;
let neo4j: IsolatedNeo4j;
let db: Database;
let sequential: GraphDigest;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'coopgraph-concurrent-'));
  documentsDir = (await writeScaleGraph(0.3, path.join(workDir, 'scale'))).documentsDir;
  neo4j = await startIsolatedNeo4j();
  db = createDatabase({ driver: neo4j.driver });
  const seeded = await readGraphDigest(db);
  const { records } = await neo4j.driver.executeQuery('MATCH (n) RETURN collect(elementId(n)) AS kept');
  await bulkLoadDocuments(db, documentsDir, { ...LOAD, concurrency: 1 });
  sequential = await readGraphDigest(db);
  // Back to the seeded graph on the same JVM, whose plans stay cached: the load only adds nodes, so deleting them
  // restores it, which the digest confirms.
  const session = neo4j.driver.session();
  await session
    .run('MATCH (n) WHERE NOT elementId(n) IN $kept CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS', {
      kept: records[0]!.get('kept'),
    })
    .finally(() => session.close());
  expect(await readGraphDigest(db)).toEqual(seeded);
}, 300_000);

afterAll(async () => {
  await neo4j?.close();
  await rm(workDir, { recursive: true, force: true });
});

describe('bulkLoadDocuments with concurrent write transactions', () => {
  it('loads into a seeded store the graph the sequential load builds, and a rerun changes nothing', async () => {
    const report = await bulkLoadDocuments(db, documentsDir, { ...LOAD, concurrency: 4 });
    expect(report.relations).toBeGreaterThan(1000);
    expect(report.relationsMissingEnds).toBe(0);
    const concurrent = await readGraphDigest(db);
    expect(concurrent.entities).toBeGreaterThan(300);
    expect(concurrent).toEqual(sequential);

    const again = await bulkLoadDocuments(db, documentsDir, { ...LOAD, concurrency: 4 });
    expect(again.rows).toBe(report.rows);
    expect(await readGraphDigest(db)).toEqual(sequential);
  }, 120_000);

  it('counts relations whose ends are missing across concurrent batches and fails naming the count', async () => {
    const dir = await mkdtemp(path.join(workDir, 'dangling-'));
    const people = Array.from({ length: 100 }, (_, index) => ({
      id: `person/dangling-${index}`,
      kind: 'PERSON',
      names: { en: `Person ${index}` },
      evidence: `Person ${index} works.`,
    }));
    await writeFile(
      path.join(dir, 'a.json'),
      JSON.stringify({
        source: { id: 'source/dangling', title: 'Dangling', publishedOn: '2026-01-01', language: 'en' },
        entities: people,
        // Every third relation points at an organization no file declares: 34 of 100, spread over every batch.
        relations: people.map((person, index) => ({
          type: 'HOLDS_OFFICE',
          from: person.id,
          to: index % 3 === 0 ? `organization/nowhere-${index}` : 'organization/syn-0',
          evidence: `Person ${index} works.`,
          basis: 'STATED',
        })),
      }),
    );
    const attempt = bulkLoadDocuments(db, dir, { batchSize: 10, concurrency: 4 });
    await expect(attempt).rejects.toThrow(SeedValidationError);
    await expect(attempt).rejects.toThrow('34 relation(s) name an entity');
    const { records } = await neo4j.driver.executeQuery(
      `MATCH (:Entity {id: 'organization/syn-0'})<-[r:HOLDS_OFFICE]-(p:Entity) WHERE p.id STARTS WITH 'person/dangling-'
       RETURN count(r) AS written`,
    );
    expect(records[0]!.get('written')).toBe(66);
  }, 120_000);

  it('retries a write transaction Neo4j aborts on a deadlock, so both writers land', async () => {
    await neo4j.driver.executeQuery("UNWIND ['a', 'b'] AS id MERGE (:DeadlockProbe {id: id})");
    const attempts = { a: 0, b: 0 };
    let arrived = 0;
    let bothHoldTheirFirst!: () => void;
    const barrier = new Promise<void>((resolve) => (bothHoldTheirFirst = resolve));
    // Each locks its own node, waits until the other holds its own, then asks for the other's: a deadlock, which
    // Neo4j breaks by aborting one with a transient error; executeWrite runs that one again.
    const writer = (first: 'a' | 'b', second: 'a' | 'b') =>
      db.write(async (tx) => {
        attempts[first] += 1;
        await tx.run('MATCH (n:DeadlockProbe {id: $id}) SET n.by = $by', { id: first, by: first });
        if (attempts[first] === 1) {
          arrived += 1;
          if (arrived === 2) bothHoldTheirFirst();
          await barrier;
        }
        await tx.run('MATCH (n:DeadlockProbe {id: $id}) SET n.seen = coalesce(n.seen, []) + $by', {
          id: second,
          by: first,
        });
      });
    await Promise.all([writer('a', 'b'), writer('b', 'a')]);
    expect(attempts.a + attempts.b).toBe(3);
    const { records } = await neo4j.driver.executeQuery(
      'MATCH (n:DeadlockProbe) RETURN n.id AS id, n.seen AS seen ORDER BY id',
    );
    expect(records.map((record) => [record.get('id'), record.get('seen')])).toEqual([
      ['a', ['b']],
      ['b', ['a']],
    ]);
  }, 60_000);
});

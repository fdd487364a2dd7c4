import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestKeys } from '../support/createTestKeys.js';
import { postGraphQL, type GraphQLResponse } from '../support/postGraphQL.js';
import { startSupervisedNeo4j, type SupervisedNeo4j } from '../support/startSupervisedNeo4j.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';
import { waitFor } from '../support/waitFor.js';

const ADD_SOURCE = `mutation ($input: AddSourceInput!) { addSource(input: $input) { entity { id } change { id } } }`;
const READ = `query ($id: ID!) { entity(id: $id) { id name } }`;
const WRITERS = 3;
const READERS = 2;
/** A safety bound on each loop, far above what a run sends (a few hundred requests in all). */
const MAX_REQUESTS_PER_LOOP = 1_500;

/** What the server said about one write. */
type WriteOutcome = 'acknowledged' | 'failed' | 'ambiguous';

/**
 * Acknowledged: 200 with the entity, or an error saying the write was committed. Failed: any other clear error.
 * Ambiguous: the server said the write may have landed (or the connection broke before it answered), so either
 * end state is correct.
 */
function classifyWrite(
  id: string,
  response: GraphQLResponse<{ addSource?: { entity: { id: string } } }> | null,
): WriteOutcome {
  if (response === null) return 'ambiguous';
  if (response.status === 200 && !response.errors && response.data?.addSource?.entity.id === id) return 'acknowledged';
  const error = response.errors?.[0];
  if (error?.extensions?.committed === true) return 'acknowledged';
  if (error?.extensions?.committed === null) return 'ambiguous';
  if (
    response.status === 504 ||
    /possibly committed|may have (been )?(committed|applied|landed)/i.test(error?.message ?? '')
  )
    return 'ambiguous';
  return 'failed';
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('chaos: kill -9 of the embedded Neo4j under reads and writes', () => {
  let neo4j: SupervisedNeo4j;
  let server: TestServer;
  let editor: string;

  beforeAll(async () => {
    neo4j = await startSupervisedNeo4j({
      seed: false,
      restart: { initialDelayMs: 200 },
      driver: { acquireTimeoutMs: 2_000, maxRetryMs: 1_000 },
    });
    server = await startTestServer({ driver: neo4j.driver, neo4jSupervisor: neo4j.supervisor, probeIntervalMs: 250 });
    ({ editor } = await createTestKeys(neo4j.driver, 'chaos'));
  });
  afterAll(async () => {
    await server?.close();
    await neo4j?.close();
  });

  it(
    'restarts Neo4j and answers again; no acknowledged write is lost, no failed write is applied',
    { timeout: 420_000 },
    async () => {
      const writes = new Map<string, WriteOutcome>();
      const readStatuses: number[] = [];
      let acknowledgedAfterRestart = 0;
      let traffic = true;
      let killed = false;
      let lastFailure = '';
      const failures = new Map<string, string>();

      const writer = async (writerIndex: number) => {
        for (let index = 0; traffic && index < MAX_REQUESTS_PER_LOOP; index += 1) {
          const id = `source/chaos-${writerIndex}-${index}`;
          const input = { id, title: `Chaos ${writerIndex}-${index}`, publishedOn: '2025-01-01', language: 'en' };
          const response = await postGraphQL<{ addSource?: { entity: { id: string } } }>(
            server.url,
            ADD_SOURCE,
            { input },
            bearer(editor),
          ).catch(() => null);
          const outcome = classifyWrite(id, response);
          writes.set(id, outcome);
          if (outcome !== 'acknowledged') failures.set(id, `${response?.status} ${JSON.stringify(response?.errors)}`);
          if (outcome !== 'acknowledged') lastFailure = `${response?.status} ${JSON.stringify(response?.errors?.[0])}`;
          if (outcome === 'acknowledged' && killed && neo4j.supervisor.status().restarts > 0)
            acknowledgedAfterRestart += 1;
          if (outcome !== 'acknowledged') await pause(250);
        }
      };
      const reader = async () => {
        for (let index = 0; traffic && index < MAX_REQUESTS_PER_LOOP; index += 1) {
          const response = await postGraphQL(server.url, READ, { id: `source/chaos-0-${index % 10}` }).catch(
            () => null,
          );
          readStatuses.push(response?.status ?? 0);
          if (response?.status !== 200) await pause(250);
        }
      };
      const loops = Promise.all([
        ...Array.from({ length: WRITERS }, (_, index) => writer(index)),
        ...Array.from({ length: READERS }, reader),
      ]);

      try {
        const count = (outcome: WriteOutcome) => [...writes.values()].filter((value) => value === outcome).length;
        await waitFor(() => count('acknowledged') >= 30, 60_000, 20);
        neo4j.kill('SIGKILL');
        killed = true;
        await waitFor(() => neo4j.supervisor.status().state === 'restarting', 10_000, 20);
        // No manual restart: the supervisor brings it back and every writer gets through again.
        await waitFor(() => neo4j.supervisor.status().state === 'running', 180_000, 200);
        await waitFor(() => acknowledgedAfterRestart >= WRITERS, 120_000, 100).catch((error: Error) => {
          throw new Error(
            `${error.message}; last failure ${lastFailure}; ${JSON.stringify(neo4j.supervisor.status())}`,
          );
        });
      } finally {
        traffic = false;
        await loops;
      }

      const ids = [...writes.keys()];
      const session = neo4j.driver.session();
      const stored = await session
        .run<{ id: string; present: boolean }>(
          'UNWIND $ids AS id OPTIONAL MATCH (n:Entity {id: id}) RETURN id, n IS NOT NULL AS present',
          { ids },
        )
        .finally(() => session.close());
      const present = new Set(
        stored.records.filter((record) => record.get('present')).map((record) => record.get('id')),
      );
      const lost = ids.filter((id) => writes.get(id) === 'acknowledged' && !present.has(id));
      const appliedDespiteFailure = ids.filter((id) => writes.get(id) === 'failed' && present.has(id));
      const tally = (outcome: WriteOutcome) => ids.filter((id) => writes.get(id) === outcome).length;
      console.info(
        `chaos: ${ids.length} writes (${tally('acknowledged')} acknowledged, ${tally('failed')} failed, ${tally('ambiguous')} ambiguous), ` +
          `${readStatuses.length} reads (${readStatuses.filter((status) => status === 200).length} answered); ` +
          `events ${neo4j.events.map((event) => event.type).join(', ')}`,
      );

      expect(neo4j.supervisor.status()).toMatchObject({ state: 'running', restarts: 1 });
      expect(lost).toEqual([]);
      expect(appliedDespiteFailure.map((id) => `${id}: ${failures.get(id)}`)).toEqual([]);
      // Reads either answered or said the database is unavailable; none broke in another way.
      expect(readStatuses.filter((status) => status !== 200 && status !== 503)).toEqual([]);
      expect(tally('acknowledged')).toBeGreaterThan(30);
      expect((await postGraphQL(server.url, READ, { id: 'source/chaos-0-0' })).data).toEqual({
        entity: { id: 'source/chaos-0-0', name: expect.any(String) },
      });
    },
  );
});

import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDatabase } from '../../src/neo4j/Database.js';
import { createWriteDeadline, WriteDeadlineExpired, type LateWrite } from '../../src/neo4j/createWriteDeadline.js';
import { readGraphDigest } from '../../src/repositories/readGraphDigest.js';
import { flagCommitInDoubt } from '../../src/server/flagCommitInDoubt.js';
import { bearer, createTestKeys } from '../support/createTestKeys.js';
import { postGraphQL } from '../support/postGraphQL.js';
import { startNeo4jProcess, type Neo4jProcess } from '../support/startNeo4jProcess.js';
import { stopProcess } from '../support/stopProcess.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

const SOURCE = 'source/2025-09-09-krasnogorsk-business-forum';
const EXCERPT = 'АО «Қазақстан темір жолы»';
const UPSERT = `mutation ($input: UpsertEntityInput!) { upsertEntity(input: $input) { entity { id } change { id } } }`;
const CHANGE = `query ($id: ID!) { change(id: $id) { id operation entityIds } }`;
const TIMEOUT_MS = 4_000;

/** Writes that settle after their operation timed out, as the server logs them. */
interface LateWriteLine extends LateWrite {
  msg: string;
}

describe('writes of a timed-out operation (issue 20, repro 3)', () => {
  let neo4j: Neo4jProcess;
  let server: TestServer;
  let keys: Awaited<ReturnType<typeof createTestKeys>>;
  const lateWrites: LateWriteLine[] = [];
  let paused = false;
  const pause = async () => {
    await stopProcess(neo4j.neo4j.pid);
    paused = true;
  };
  const resume = () => {
    process.kill(neo4j.neo4j.pid, 'SIGCONT');
    paused = false;
  };
  const db = () => createDatabase({ driver: neo4j.driver });
  const changeCount = async () =>
    (await db().read<{ count: number }>('MATCH (c:Change) RETURN count(c) AS count'))[0]!.count;
  const probes = async (id: string) =>
    (await db().read<{ count: number }>('MATCH (p:TimeoutProbe {id: $id}) RETURN count(p) AS count', { id }))[0]!.count;

  beforeAll(async () => {
    neo4j = await startNeo4jProcess();
    const logger = pino(
      { level: 'warn' },
      { write: (line: string) => void lateWrites.push(JSON.parse(line) as LateWriteLine) },
    );
    server = await startTestServer({ driver: neo4j.driver, operationTimeoutMs: TIMEOUT_MS, logger });
    keys = await createTestKeys(neo4j.driver, 'timeout');
  });
  afterAll(async () => {
    // SIGCONT is harmless to a running Neo4j, and resumes one whose stop was still being waited for.
    if (neo4j) resume();
    await server?.close();
    await neo4j?.close();
  });

  it('answers 504 to a mutation sent while Neo4j is paused, and does not apply it when Neo4j resumes', async () => {
    const id = 'organization/test-timeout-paused';
    const [before, changes] = [await readGraphDigest(db()), await changeCount()];
    await pause();
    let response;
    try {
      response = await postGraphQL(
        server.url,
        UPSERT,
        {
          input: {
            id,
            kind: 'ORGANIZATION',
            names: { en: 'Paused' },
            evidence: { sourceId: SOURCE, excerpts: [EXCERPT] },
          },
        },
        bearer(keys.editor),
      );
    } finally {
      resume();
    }
    expect(response.status).toBe(504);
    expect(response.errors![0]!.extensions).toMatchObject({ code: 'OPERATION_TIMEOUT' });
    expect(response.errors![0]!.extensions!.possiblyCommitted).toBeUndefined();
    // The operation goes on once Neo4j answers again: wait until the server logs how its write ended, or the
    // write shows up in the graph (which is what happened before writes were bound to their operation's deadline).
    const landed = async () => (await db().read('MATCH (n:Entity {id: $id}) RETURN n.id', { id })).length > 0;
    await vi.waitFor(
      async () => expect(lateWrites.some((line) => line.outcome === 'refused') || (await landed())).toBe(true),
      { timeout: 30_000, interval: 100 },
    );
    expect([await readGraphDigest(db()), await changeCount()]).toEqual([before, changes]);
  });

  describe('the write deadline, on a real transaction', () => {
    /** Resolves once `work` paused Neo4j, and the driver's next step (a COMMIT, say) has left. */
    const untilPaused = async () => {
      await vi.waitFor(() => expect(paused).toBe(true), { timeout: 30_000, interval: 20 });
      await new Promise((resolve) => setTimeout(resolve, 100));
    };

    it('rolls back a write still running when it expires', async () => {
      const deadline = createWriteDeadline();
      const write = createDatabase({ driver: neo4j.driver, deadline }).write(
        async (tx) => {
          await pause();
          await tx.run('CREATE (:TimeoutProbe {id: $id})', { id: 'running' });
        },
        { changeId: 'change-running' },
      );
      try {
        await untilPaused();
        expect(deadline.expire()).toEqual([]);
      } finally {
        resume();
      }
      await expect(write).rejects.toBeInstanceOf(WriteDeadlineExpired);
      expect(await probes('running')).toBe(0);
    });

    it('says a write the deadline stopped after its work was rolled back, not that its commit is in doubt', async () => {
      const deadline = createWriteDeadline();
      const write = flagCommitInDoubt(createDatabase({ driver: neo4j.driver, deadline })).write(async (tx) => {
        await tx.run('CREATE (:TimeoutProbe {id: $id})', { id: 'stopped' });
        deadline.expire();
      });
      await expect(write).rejects.toBeInstanceOf(WriteDeadlineExpired);
      expect(await probes('stopped')).toBe(0);
    });

    it('names a write whose COMMIT was sent when it expires, and that write lands', async () => {
      const deadline = createWriteDeadline();
      const write = createDatabase({ driver: neo4j.driver, deadline }).write(
        async (tx) => {
          await tx.run('CREATE (:TimeoutProbe {id: $id})', { id: 'committing' });
          // Paused after the last statement: the driver's COMMIT now waits in Neo4j's socket.
          await pause();
        },
        { changeId: 'change-committing' },
      );
      try {
        await untilPaused();
        expect(deadline.expire()).toEqual(['change-committing']);
      } finally {
        resume();
      }
      await write;
      expect(await probes('committing')).toBe(1);
    });

    it('names a write that committed before it expired, and refuses any write after', async () => {
      const deadline = createWriteDeadline();
      const guarded = createDatabase({ driver: neo4j.driver, deadline });
      await guarded.write((tx) => tx.run('CREATE (:TimeoutProbe {id: $id})', { id: 'committed' }), {
        changeId: 'change-committed',
      });
      expect(deadline.expire()).toEqual(['change-committed']);
      await expect(
        guarded.write((tx) => tx.run('CREATE (:TimeoutProbe {id: $id})', { id: 'late' })),
      ).rejects.toBeInstanceOf(WriteDeadlineExpired);
      expect([await probes('committed'), await probes('late')]).toEqual([1, 0]);
    });
  });

  it('answers change(id:) with the change a mutation recorded, and null for one that never landed', async () => {
    // A server of its own with the default timeout: this mutation must not time out on a busy machine.
    const patient = await startTestServer({ driver: neo4j.driver });
    const written = await postGraphQL<{ upsertEntity: { change: { id: string } } }>(
      patient.url,
      UPSERT,
      {
        input: {
          id: 'organization/test-timeout-written',
          kind: 'ORGANIZATION',
          names: { en: 'Written' },
          evidence: { sourceId: SOURCE, excerpts: [EXCERPT] },
        },
      },
      bearer(keys.editor),
    );
    const changeId = written.data!.upsertEntity.change.id;
    const found = await postGraphQL(patient.url, CHANGE, { id: changeId }, bearer(keys.editor));
    expect(found.data).toEqual({
      change: { id: changeId, operation: 'upsertEntity', entityIds: ['organization/test-timeout-written'] },
    });
    expect((await postGraphQL(patient.url, CHANGE, { id: 'change-never-written' }, bearer(keys.editor))).data).toEqual({
      change: null,
    });
    expect((await postGraphQL(patient.url, CHANGE, { id: changeId })).status).toBe(401);
    await patient.close();
  });
});

import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/neo4j/Database.js';
import { readGraphDigest } from '../../src/repositories/readGraphDigest.js';
import { ensurePython, PYTHON_SETUP_TIMEOUT_MS, runPython } from '../support/ensurePython.js';
import { startIsolatedNeo4j, type IsolatedNeo4j } from '../support/startIsolatedNeo4j.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

const run = promisify(execFile);
const FORUM = 'event/krasnogorsk-business-forum-2025';
const QUERY = `ids=${FORUM},organization/ktz&depth=2`;
const URL = 'https://example.org/coopgraph-forum.ftm.jsonl';

interface Entities {
  [id: string]: { schema: string; summary: string[]; sourceUrl: string[]; role: string[] };
}

/** Reads an FtM export with the followthemoney package: every line through `model.get_proxy`, by id. */
const READ_FTM = `
import json, os, sys, urllib.request
from followthemoney import model
body = urllib.request.urlopen(os.environ["URL"]).read().decode("utf-8")
out = {}
for line in body.splitlines():
    proxy = model.get_proxy(json.loads(line), cleaned=False)
    out[proxy.id] = {"schema": proxy.schema.name, "summary": proxy.get("summary"), "sourceUrl": proxy.get("sourceUrl"), "role": proxy.get("role", quiet=True)}
print(json.dumps(out, ensure_ascii=False))
`;

describe('npm run import:ftm', () => {
  let seeded: TestServer;
  let empty: IsolatedNeo4j;
  let imported: TestServer;
  let python: string;
  let directory: string;
  beforeAll(async () => {
    [seeded, empty, python, directory] = await Promise.all([
      startTestServer(),
      startIsolatedNeo4j({ seed: false }),
      ensurePython(),
      mkdtemp(path.join(os.tmpdir(), 'coopgraph-ftm-')),
    ]);
    imported = await startTestServer({ driver: empty.driver });
  }, PYTHON_SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await Promise.all([seeded?.close(), imported?.close()]);
    await empty?.close();
    await rm(directory, { recursive: true, force: true });
  });

  // What `npm run import:ftm --` runs, without npm's own start-up.
  const importFile = (file: string, sourceId: string) =>
    run(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/importFtm.ts',
        file,
        '--source-id',
        sourceId,
        '--title',
        'Forum network as FtM',
        '--published-on',
        '2026-01-15',
        '--language',
        'ru',
        '--url',
        URL,
      ],
      {
        env: { ...process.env, NEO4J_URI: empty.uri },
      },
    );

  it('reads an FtM export into another graph with its entities, links and evidence, and a second run writes nothing', async () => {
    const file = path.join(directory, 'forum.ftm.jsonl');
    await writeFile(file, Buffer.from(await (await fetch(`${seeded.url}/export/ftm?${QUERY}`)).arrayBuffer()));
    const first = await importFile(file, 'source/forum-ftm');
    expect(first.stdout).toMatch(/^Read \d+ entities and \d+ relations as source\/forum-ftm/);
    const db = createDatabase({ driver: empty.driver });
    const after = await readGraphDigest(db);
    const second = await importFile(file, 'source/forum-ftm');
    expect(second.stdout).toContain('Graph unchanged');
    expect(await readGraphDigest(db)).toEqual(after);

    const [original, roundTrip] = await Promise.all([
      runPython<Entities>(python, READ_FTM, { URL: `${seeded.url}/export/ftm?${QUERY}` }),
      runPython<Entities>(python, READ_FTM, {
        URL: `${imported.url}/export/ftm?${QUERY.replace('depth=2', 'depth=3')}`,
      }),
    ]);
    // The same entities and links (ids of links are content hashes of type, ends and role, so they match too).
    expect(Object.keys(roundTrip).sort()).toEqual(Object.keys(original).sort());
    for (const [id, entity] of Object.entries(original)) {
      expect(roundTrip[id]!.schema, id).toBe(entity.schema);
      expect(roundTrip[id]!.role, id).toEqual(entity.role);
      // Each fact cites the imported file: its excerpts (a contract's or event's date adds itself as one), and its URL.
      expect(roundTrip[id]!.summary, id).toEqual(expect.arrayContaining(entity.summary));
      expect(roundTrip[id]!.sourceUrl, id).toEqual([URL]);
    }
    expect(Object.values(roundTrip).filter((entity) => entity.schema === 'UnknownLink').length).toBeGreaterThan(10);
    // Two CLI runs, each starting Node and a Neo4j driver, and two Python reads.
  }, 180_000);

  it('refuses a file with a bad line, naming the line, and writes nothing', async () => {
    const before = await readGraphDigest(createDatabase({ driver: empty.driver }));
    const file = path.join(directory, 'bad.ftm.jsonl');
    const lines = [
      JSON.stringify({ id: 'p1', schema: 'Person', properties: { name: ['Ivan Petrov'] } }),
      JSON.stringify({ id: 'p2', schema: 'Person', properties: { name: ['X'] } }),
      '{"id": "p3", "schema": "Person", "properties": {"name": "not a list"}}',
    ];
    await writeFile(file, `${lines.join('\n')}\n`);
    const failure = await importFile(file, 'source/bad-ftm').then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('line 3: properties.name: expected every property to be a list of strings');
    expect(await readGraphDigest(createDatabase({ driver: empty.driver }))).toEqual(before);
  });
});

import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bulkLoadDocuments } from '../../src/bulk/bulkLoadDocuments.js';
import { ARRAY_DELIMITER_OPTION } from '../../src/bulk/importCsvTables.js';
import {
  finishImport,
  importDocuments,
  IMPORT_WRITES_DATA_OF_MIGRATIONS,
  type ImportedStore,
} from '../../src/bulk/importDocuments.js';
import { writeScaleGraph } from '../../src/generate/writeScaleGraph.js';
import { runMigrations } from '../../src/migrations/runMigrations.js';
import { createDatabase } from '../../src/neo4j/Database.js';
import { createDriver } from '../../src/neo4j/createDriver.js';
import { runNeo4jImport } from '../../src/neo4j/runNeo4jImport.js';
import { StartupError } from '../../src/neo4j/StartupError.js';
import { readGraphDigest, type GraphDigest } from '../../src/repositories/readGraphDigest.js';
import { SeedValidationError } from '../../src/seed/SeedValidationError.js';
import { startHostedNeo4j, type HostedNeo4j } from '../support/neo4jHost.js';
import { startIsolatedNeo4j, type IsolatedNeo4j } from '../support/startIsolatedNeo4j.js';

/** Small chunks, so that facts restated by later documents take the importer's deferred path. */
const FILES_PER_CHUNK = 2;

let workDir: string;
let documentsDir: string;
let transactional: IsolatedNeo4j;
let imported: { neo4j: HostedNeo4j; driver: Driver; store: ImportedStore };

/**
 * Scale 0.3, the curated seeds (entities declared by both, a multi-line note) and a document restating generated
 * facts: a renamed organization (its old name kept as an alias), a second signing date and a relation again.
 */
async function writeDocuments(directory: string): Promise<void> {
  const generated = await writeScaleGraph(0.3, path.join(workDir, 'scale'));
  await cp(generated.documentsDir, directory, { recursive: true });
  await cp(path.resolve(import.meta.dirname, '../../seeds'), directory, { recursive: true });
  const restated = {
    source: { id: 'source/restated', title: 'A later source', publishedOn: '2026-01-02', language: 'en' },
    entities: [
      {
        id: 'organization/syn-0',
        kind: 'ORGANIZATION',
        names: { en: 'Renamed Organization' },
        evidence: 'Renamed Organization, formerly known otherwise.',
      },
      {
        id: 'agreement/syn-0',
        kind: 'AGREEMENT',
        names: { en: 'The first agreement' },
        evidence: 'The first agreement was signed in 2016.',
        attributes: [{ key: 'signedOn', value: '2016', evidence: 'signed in 2016', basis: 'STATED' }],
      },
    ],
    relations: [
      {
        type: 'BASED_IN',
        from: 'organization/syn-0',
        to: 'region/syn-0',
        evidence: 'Renamed Organization is based in the first region.',
        basis: 'INFERRED',
        inference: 'The organization is registered at an address in that region.',
      },
    ],
  };
  await writeFile(path.join(directory, 'zz-restated.json'), JSON.stringify(restated));
}

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'coopgraph-import-'));
  documentsDir = path.join(workDir, 'documents');
  await writeDocuments(documentsDir);

  transactional = await startIsolatedNeo4j({ seed: false });
  await bulkLoadDocuments(createDatabase({ driver: transactional.driver }), documentsDir, {
    filesPerChunk: FILES_PER_CHUNK,
  });

  const storeDir = path.join(workDir, 'store');
  const store = await importDocuments({
    documentsDir,
    storeDir,
    workDir: path.join(workDir, 'import'),
    filesPerChunk: FILES_PER_CHUNK,
    maxOffHeapMemory: '256m',
  });
  const neo4j = await startHostedNeo4j(inject('neo4jHost'), storeDir, '64m');
  const driver = createDriver({ uri: neo4j.uri });
  imported = { neo4j, driver, store };
  await runMigrations(driver, undefined, undefined, { dataAlreadyCurrent: IMPORT_WRITES_DATA_OF_MIGRATIONS });
  await finishImport(driver, store);
}, 600_000);

afterAll(async () => {
  await imported?.driver.close();
  await imported?.neo4j.stop();
  await transactional?.close();
  await rm(workDir, { recursive: true, force: true });
});

describe('importDocuments', () => {
  it('builds the same graph as the transactional loader, restated facts and empty lists included', async () => {
    const expected: GraphDigest = await readGraphDigest(createDatabase({ driver: transactional.driver }));
    const actual = await readGraphDigest(createDatabase({ driver: imported.driver }));
    expect(expected.entities).toBeGreaterThan(300);
    expect(imported.store.report.deferredRows).toBeGreaterThan(0);
    expect(actual).toEqual(expected);
  });

  it('leaves every entity marked for lemma keys, with the same search text and signing bounds', async () => {
    const query = `MATCH (n:Entity) WITH n ORDER BY n.id
      RETURN collect([n.id, n:NeedsLemmas, n.searchText, n.signedOn, n.signedEarliest, n.publishedOn]) AS rows`;
    const [expected, actual] = await Promise.all(
      [transactional.driver, imported.driver].map(async (driver) =>
        (await driver.executeQuery(query)).records[0]!.get('rows'),
      ),
    );
    expect(actual).toEqual(expected);
    expect((actual as unknown[][]).every((row) => row[1] === true)).toBe(true);
  });

  it('has the constraints and indexes of the migrations, and finds an imported entity through them', async () => {
    const { records } = await imported.driver.executeQuery(
      `CALL db.index.fulltext.queryNodes('entity_search', 'renamed') YIELD node RETURN node.id AS id`,
    );
    expect(records.map((record) => record.get('id'))).toEqual(['organization/syn-0']);
    const constraints = await imported.driver.executeQuery('SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names');
    expect(constraints.records[0]!.get('names')).toEqual(expect.arrayContaining(['entity_id', 'excerpt_id']));
  });

  it('refuses a relation to an entity no document declares, naming it, before running the importer', async () => {
    const broken = path.join(workDir, 'broken');
    const dir = await mkdtemp(path.join(workDir, 'dangling-'));
    await writeFile(
      path.join(dir, 'a.json'),
      JSON.stringify({
        source: { id: 'source/a', title: 'A', publishedOn: '2026-01-01', language: 'en' },
        entities: [{ id: 'person/a', kind: 'PERSON', names: { en: 'A' }, evidence: 'A is a person.' }],
        relations: [
          { type: 'HOLDS_OFFICE', from: 'person/a', to: 'organization/nowhere', evidence: 'A works.', basis: 'STATED' },
        ],
      }),
    );
    const attempt = importDocuments({ documentsDir: dir, storeDir: path.join(broken, 'store'), workDir: broken });
    await expect(attempt).rejects.toThrow(SeedValidationError);
    await expect(attempt).rejects.toThrow('organization/nowhere');
  });

  it('refuses a store that already holds a database, saying what to do instead', async () => {
    const storeDir = path.join(workDir, 'occupied');
    await mkdir(path.join(storeDir, 'data/databases/neo4j'), { recursive: true });
    await writeFile(path.join(storeDir, 'data/databases/neo4j/neostore'), '');
    const attempt = runNeo4jImport({ storeDir, groups: [], arrayDelimiter: ARRAY_DELIMITER_OPTION });
    await expect(attempt).rejects.toThrow(StartupError);
    await expect(attempt).rejects.toThrow('already holds a database');
  });
});

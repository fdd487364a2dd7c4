import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../../src/neo4j/Database.js';
import { createDriver } from '../../src/neo4j/createDriver.js';
import { readGraphDigest } from '../../src/repositories/readGraphDigest.js';
import { loadSeeds } from '../../src/loadSeeds.js';
import { SeedValidationError } from '../../src/seed/SeedValidationError.js';
import { sharedNeo4j } from '../support/sharedNeo4j.js';

const SOURCE = `source:
  id: source/test-loader
  title: A test source
  publishedOn: 2025-01-01
  language: en
`;

describe('loadSeeds', () => {
  let driver: Driver;
  let db: Database;
  let scratch: string;

  beforeAll(async () => {
    driver = createDriver({ uri: sharedNeo4j().uri });
    db = createDatabase({ driver });
    scratch = await mkdtemp(path.join(os.tmpdir(), 'coopgraph-seeds-'));
  });
  afterAll(async () => {
    await driver.close();
    await rm(scratch, { recursive: true, force: true });
  });

  async function seedDirectory(name: string, files: Record<string, string>): Promise<string> {
    const directory = path.join(scratch, name);
    await mkdir(directory, { recursive: true });
    await Promise.all(Object.entries(files).map(([file, text]) => writeFile(path.join(directory, file), text)));
    return directory;
  }

  it('leaves the graph identical when the seeds are loaded again', async () => {
    const before = await readGraphDigest(db);
    const counts = await loadSeeds(db);
    const after = await readGraphDigest(db);
    expect(counts.files).toBeGreaterThanOrEqual(1);
    expect(before.entities).toBeGreaterThan(25);
    expect(after).toEqual(before);
  });

  it('refuses a bad file naming file, entry and field, and writes nothing from the good ones', async () => {
    const directory = await seedDirectory('bad', {
      'a-good.yaml': `${SOURCE}entities:\n  - id: organization/loader-good\n    kind: ORGANIZATION\n    names: { en: Good }\n    evidence: a good excerpt\n`,
      'b-bad.yaml': `${SOURCE.replace('test-loader', 'test-loader-bad')}entities:\n  - id: organization/loader-bad\n    kind: ORGANIZATION\n    names: { en: Bad }\n    evidence: []\n`,
    });
    const before = await readGraphDigest(db);
    const error = await loadSeeds(db, directory).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SeedValidationError);
    expect((error as SeedValidationError).problems).toEqual([
      `${path.join(directory, 'b-bad.yaml')}: entities[0] (organization/loader-bad).evidence: expected at least one excerpt`,
    ]);
    expect(await readGraphDigest(db)).toEqual(before);
  });

  it('rolls back the whole load when a relation names an unknown entity', async () => {
    const directory = await seedDirectory('dangling', {
      'dangling.yaml': `${SOURCE}entities:
  - id: organization/loader-orphan
    kind: ORGANIZATION
    names: { en: Orphan }
    evidence: an orphan excerpt
relations:
  - type: PARTY_TO
    from: organization/loader-orphan
    to: agreement/does-not-exist
    evidence: a dangling excerpt
    basis: STATED
`,
    });
    const before = await readGraphDigest(db);
    await expect(loadSeeds(db, directory)).rejects.toThrow(
      /relations\[0\] \(PARTY_TO organization\/loader-orphan → agreement\/does-not-exist\): unknown entity "agreement\/does-not-exist"/,
    );
    expect(await readGraphDigest(db)).toEqual(before);
  });

  it('refuses an id whose prefix contradicts its kind', async () => {
    const directory = await seedDirectory('kind', {
      'kind.yaml': `${SOURCE}entities:\n  - id: person/loader-kind\n    kind: ORGANIZATION\n    names: { en: Kind }\n    evidence: an excerpt\n`,
    });
    await expect(loadSeeds(db, directory)).rejects.toThrow(
      'entities[0] (person/loader-kind).id: expected an id starting with "organization/" for kind ORGANIZATION, got "person/loader-kind"',
    );
  });

  it('refuses a fact without a basis, or inferred without its reasoning, naming the file and the entry', async () => {
    const directory = await seedDirectory('basis', {
      'basis.yaml': `${SOURCE}entities:
  - id: organization/loader-basis
    kind: ORGANIZATION
    names: { en: Basis }
    evidence: an excerpt
    attributes:
      - key: legalForm
        value: JSC
        evidence: an excerpt
relations:
  - type: BASED_IN
    from: organization/loader-basis
    to: organization/loader-basis
    evidence: an excerpt
    basis: INFERRED
`,
    });
    const refusal = loadSeeds(db, directory);
    const file = path.join(directory, 'basis.yaml');
    await expect(refusal).rejects.toThrow(
      `${file}: entities[0] (organization/loader-basis).attributes[0] (legalForm).basis: expected basis STATED`,
    );
    await expect(refusal).rejects.toThrow(
      `${file}: relations[0] (BASED_IN organization/loader-basis → organization/loader-basis).inference: expected "inference" (the reasoning in one sentence) when basis is INFERRED`,
    );
  });
});

import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/neo4j/Database.js';
import { readGraphDigest } from '../../src/repositories/readGraphDigest.js';
import { loadSeeds } from '../../src/loadSeeds.js';
import { findMissingExcerpts } from '../../src/seed/findMissingExcerpts.js';
import { SeedValidationError } from '../../src/seed/SeedValidationError.js';
import { parseSourceDocument } from '../../src/seed/readSourceDocuments.js';
import type { SourceDocument } from '../../src/seed/sourceDocument.js';
import { postGraphQL } from '../support/postGraphQL.js';
import { startIsolatedNeo4j, type IsolatedNeo4j } from '../support/startIsolatedNeo4j.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';
import { sharedNeo4j } from '../support/sharedNeo4j.js';

const run = promisify(execFile);
const TEXT_FILE = path.resolve('test/draft/zhetysu-agro-transit.txt');
const SOURCE_ID = 'source/2025-10-01-test-draft-zhetysu';
const ORGANIZATION = 'ТОО «Жетісу Агро Транзит»';

/** `npm run draft -- …` as npm runs it, without npm's own start-up; never rejects. */
async function runDraft(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/draft.ts', ...args], {
      env: { ...process.env, NEO4J_PASSWORD: '', LOG_LEVEL: 'silent', ...env },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run draft', () => {
  let text: string;
  let directory: string;
  let seeds: string;
  let draftFile: string;
  let drafted: Awaited<ReturnType<typeof runDraft>>;
  let yaml: string;
  let document: SourceDocument;
  // Loading writes to known entities (a linked region gains evidence): into a Neo4j of this file's own.
  let loadInto: IsolatedNeo4j;
  let server: TestServer;

  beforeAll(async () => {
    text = await readFile(TEXT_FILE, 'utf8');
    directory = await mkdtemp(path.join(os.tmpdir(), 'coopgraph-draft-'));
    seeds = path.join(directory, 'seeds');
    await mkdir(seeds);
    draftFile = path.join(seeds, 'draft.yaml');
    // Drafted against the test run's seeded graph, while this file's own Neo4j starts.
    [drafted, loadInto] = await Promise.all([
      runDraft(
        [
          TEXT_FILE,
          ...['--source-id', SOURCE_ID, '--title', 'Тест: «Жетісу Агро Транзит» в Алматинской области'],
          ...['--published', '2025-10-01', '--publisher', 'Тестовая редакция', '--out', draftFile],
        ],
        { NEO4J_URI: sharedNeo4j().uri },
      ),
      startIsolatedNeo4j(),
    ]);
    server = await startTestServer({ driver: loadInto.driver });
    yaml = await readFile(draftFile, 'utf8');
    const parsed = parseSourceDocument(yaml, draftFile);
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    document = parsed.document;
  });
  afterAll(async () => {
    await server?.close();
    await loadInto?.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('writes a draft of proposals and links, every excerpt a verbatim span of the text', () => {
    expect(drafted.code).toBe(0);
    expect(drafted.stdout).toMatch(
      /^Wrote .*draft\.yaml: 3 entities, 1 attributes, 1 relations; 5 entries await review\.$/m,
    );
    expect(document.source).toMatchObject({
      id: SOURCE_ID,
      title: 'Тест: «Жетісу Агро Транзит» в Алматинской области',
      publisher: 'Тестовая редакция',
      language: 'ru',
    });
    expect(findMissingExcerpts([{ file: draftFile, document }], SOURCE_ID, text)).toEqual([]);
    expect(document.entities.map((entity) => [entity.id, entity.review, entity.names.ru])).toEqual([
      ['organization/too-zhetisu-agro-tranzit', 'proposed', ORGANIZATION],
      ['person/nurlan-seytkaliev', 'proposed', 'Нурлан Сейткалиев'],
      ['region/almaty-oblast', 'linked', 'Алма-Атинская область'],
    ]);
    expect(document.relations.map((relation) => [relation.type, relation.review, relation.from, relation.to])).toEqual([
      ['HOLDS_OFFICE', 'proposed', 'person/nurlan-seytkaliev', 'organization/too-zhetisu-agro-tranzit'],
    ]);
    expect(yaml).toContain('# linked: «Алматинскую область» at');
  });

  it('is refused by the seed loader, naming the file and each entry awaiting review', async () => {
    const db = createDatabase({ driver: loadInto.driver });
    const before = await readGraphDigest(db);
    const error = await loadSeeds(db, seeds).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SeedValidationError);
    const accept = 'accept it by deleting its "review" line, or remove the entry';
    expect((error as SeedValidationError).problems).toEqual([
      `${draftFile}: entities[0] (organization/too-zhetisu-agro-tranzit «${ORGANIZATION}») awaits review (proposed): ${accept}`,
      `${draftFile}: entities[0] (organization/too-zhetisu-agro-tranzit «${ORGANIZATION}»).attributes[0] (jobsCreated) awaits review (proposed): ${accept}`,
      `${draftFile}: entities[1] (person/nurlan-seytkaliev «Нурлан Сейткалиев») awaits review (proposed): ${accept}`,
      `${draftFile}: entities[2] (region/almaty-oblast «Алма-Атинская область») awaits review (linked): ${accept}`,
      `${draftFile}: relations[0] (HOLDS_OFFICE person/nurlan-seytkaliev → organization/too-zhetisu-agro-tranzit) awaits review (proposed): ${accept}`,
    ]);
    expect(await readGraphDigest(db)).toEqual(before);
  });

  it('loads once the marks are deleted, and the new facts read back through GraphQL with their evidence', async () => {
    await writeFile(draftFile, yaml.replace(/^ *review: \w+\n/gm, ''));
    const counts = await loadSeeds(createDatabase({ driver: loadInto.driver }), seeds);
    expect(counts).toMatchObject({ files: 1, entities: 4, attributes: 1, relations: 1 });

    const response = await postGraphQL<{
      person: { name: string; relations: { type: string; role: string; to: { id: string }; evidence: any[] }[] };
      organization: { attributes: { key: string; number: number; unit: string; evidence: any[] }[] };
      region: { evidence: any[] };
    }>(
      server.url,
      `{ person: entity(id: "person/nurlan-seytkaliev") { name relations(types: ["HOLDS_OFFICE"]) { type role to { id } evidence { excerpt source { id } } } }
         organization: entity(id: "organization/too-zhetisu-agro-tranzit") { attributes { key number unit evidence { excerpt source { id } } } }
         region: entity(id: "region/almaty-oblast") { evidence { excerpt source { id } } } }`,
    );
    expect(response.errors).toBeUndefined();
    const [firstSentence, secondSentence] = text.trim().split('\n');
    expect(response.data!.person).toEqual({
      name: 'Нурлан Сейткалиев',
      relations: [
        {
          type: 'HOLDS_OFFICE',
          role: `генеральный директор ${ORGANIZATION}`,
          to: { id: 'organization/too-zhetisu-agro-tranzit' },
          evidence: [{ excerpt: firstSentence, source: { id: SOURCE_ID } }],
        },
      ],
    });
    expect(response.data!.organization.attributes).toEqual([
      {
        key: 'jobsCreated',
        number: 120,
        unit: 'jobs',
        evidence: [{ excerpt: secondSentence, source: { id: SOURCE_ID } }],
      },
    ]);
    // The linked mention is new evidence of the known region, under its existing id.
    expect(response.data!.region.evidence).toContainEqual({
      excerpt: 'Алматинскую область',
      source: { id: SOURCE_ID },
    });
  });

  it('names a bad option before starting anything', async () => {
    const result = await runDraft([TEXT_FILE, '--source-id', SOURCE_ID, '--title', 'T', '--published', '1 октября'], {
      // Nothing listens here: the command must stop before connecting.
      NEO4J_URI: 'bolt://127.0.0.1:1',
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^--published: expected an ISO-8601 date such as 2025-09-09\.\nUsage: npm run draft -- <article\.txt> --source-id/,
    );
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import type { Driver } from 'neo4j-driver';
import { createDatabase } from '../../src/neo4j/Database.js';
import { writeGraph } from '../../src/repositories/writeGraph.js';
import { createNameNormalizer, type NameNormalizer } from '../../src/nlp/createNameNormalizer.js';
import { ensureNlpEnvironment } from '../../src/nlp/ensureNlpEnvironment.js';
import { superviseNlpWorker } from '../../src/nlp/superviseNlpWorker.js';
import { refreshNameLemmas } from '../../src/repositories/refreshNameLemmas.js';
import { planGraphWrite } from '../../src/seed/planGraphWrite.js';
import { sourceDocumentSchema } from '../../src/seed/sourceDocument.js';
import { agreementFixture } from './agreementFixture.js';
import { ensureChromium } from './ensureChromium.js';
import { ensurePython } from './ensurePython.js';
import { copyStore } from './copyStore.js';
import { createNeo4jTemplates, type Neo4jTemplates } from './createNeo4jTemplates.js';
import { INTEGRATION_WORKERS } from './integrationWorkers.js';
import { startHostedNeo4j, startNeo4jHost, type HostedNeo4j, type Neo4jHost } from './neo4jHost.js';
import { ARCHIVE_JVM_OPTIONS, prepareTestJvm } from './prepareTestJvm.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** One seeded Neo4j per integration worker; a test file reaches its own through `sharedNeo4j()`. */
    sharedNeo4j: { uri: string; dataDir: string }[];
    /** Stores that `startIsolatedNeo4j` copies. */
    neo4jTemplates: Neo4jTemplates;
    /** Control port of the JVM that runs the shared and isolated test stores. */
    neo4jHost: number;
  }
}

interface SharedNeo4j {
  neo4j: HostedNeo4j;
  dataDir: string;
}

/** The agreement fixture and the seeds' lemma keys (as a server with a running worker writes them). */
async function writeFixtureAndLemmas(driver: Driver, normalizer: Promise<NameNormalizer>): Promise<void> {
  const fixture = sourceDocumentSchema.parse(agreementFixture());
  await writeGraph(createDatabase({ driver }), planGraphWrite([{ file: 'agreementFixture', document: fixture }]), {
    actor: 'test',
    operation: 'fixture',
  });
  await refreshNameLemmas(createDatabase({ driver }), await normalizer);
}

/** A Neo4j in the host, on a copy of the seeded template. */
async function startSharedNeo4j(host: Neo4jHost, template: string): Promise<SharedNeo4j> {
  const dataDir = await copyStore(template, 'coopgraph-test-');
  const neo4j = await startHostedNeo4j(host.controlPort, dataDir, '128m');
  return { neo4j, dataDir };
}

async function stopSharedNeo4j({ neo4j, dataDir }: SharedNeo4j): Promise<void> {
  await neo4j.stop();
  await rm(dataDir, { recursive: true, force: true });
}

/**
 * Starts the Neo4j host, and in it the templates isolated stores copy and one seeded Neo4j per integration worker;
 * makes the test run's other JVMs start tuned for short lives; installs the browser tests' Chromium where it is
 * missing and the text-analysis worker's Python packages, starts installing those of the interop tests (networkx,
 * pandas, followthemoney); stops every Neo4j and deletes the stores after.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Chromium and the Python packages (once per checkout, into .cache) install while Neo4j starts. The interop tests'
  // packages are not waited for here: the files that need them wait, while the others run.
  const chromium = ensureChromium();
  ensurePython().catch(() => undefined);
  const nlp = ensureNlpEnvironment().then(() => {
    const worker = superviseNlpWorker();
    return worker.whenStarted().then((started) => {
      if (!started) throw new Error(`the text-analysis worker did not start: ${worker.status().reason}`);
      return worker;
    });
  });
  const normalizer = nlp.then((worker) => createNameNormalizer(worker));
  // A worker that failed to start is reported by the first seeding that needs it, not as an unhandled rejection.
  normalizer.catch(() => undefined);
  await prepareTestJvm();
  const host = await startNeo4jHost({ jvmOptions: ARCHIVE_JVM_OPTIONS });
  const templatesDir = await mkdtemp(path.join(os.tmpdir(), 'coopgraph-templates-'));
  const cleanUp = async () => {
    await host.stop();
    await rm(templatesDir, { recursive: true, force: true });
  };
  const templates = await createNeo4jTemplates(templatesDir, host.controlPort, (driver) =>
    writeFixtureAndLemmas(driver, normalizer),
  ).catch(async (error: unknown) => {
    await cleanUp();
    throw error;
  });
  const started = await Promise.allSettled(
    Array.from({ length: INTEGRATION_WORKERS }, () => startSharedNeo4j(host, templates.seeded)),
  );
  await nlp.then((worker) => worker.stop()).catch(() => undefined);
  const instances = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failure = started.find((result) => result.status === 'rejected');
  if (failure) {
    await Promise.all(instances.map(stopSharedNeo4j));
    await cleanUp();
    throw failure.reason;
  }
  await chromium;
  project.provide('neo4jTemplates', templates);
  project.provide('neo4jHost', host.controlPort);
  project.provide(
    'sharedNeo4j',
    instances.map(({ neo4j, dataDir }) => ({ uri: neo4j.uri, dataDir })),
  );
  return async () => {
    await Promise.all(instances.map(stopSharedNeo4j));
    await cleanUp();
  };
}

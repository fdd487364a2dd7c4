import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LAUNCHER_DIR, prepareLauncher } from '../../src/neo4j/startEmbeddedNeo4j.js';
import { startMigratedNeo4j } from './startMigratedNeo4j.js';

const ARCHIVE_DIR = path.resolve(LAUNCHER_DIR, '../.cache/neo4j');
const ARCHIVE = path.join(ARCHIVE_DIR, 'classes.jsa');
/** The jars the archive was dumped from: the JVM refuses an archive of another class path. */
const ARCHIVE_KEY = path.join(ARCHIVE_DIR, 'classes.key');

/**
 * A test's Neo4j lives seconds to minutes, most of them spent loading and compiling classes. C1 alone compiles
 * cheaply enough to win that back, and a class-data archive skips the loading: together they halve the CPU a
 * start, migration and seeding costs (33 → 14 s), which bounds the run on two cores. Warnings about an archive the
 * JVM cannot use (another JDK, a rebuilt launcher) are silenced: it then loads classes as usual.
 */
const SHORT_LIFE = '-XX:TieredStopAtLevel=1';
const QUIET_ARCHIVE = ['-Xlog:cds=off', '-Xlog:cds+dynamic=off'];

/** JVM options that load classes from the archive `prepareTestJvm` dumped, without limiting the compiler. */
export const ARCHIVE_JVM_OPTIONS = [...QUIET_ARCHIVE, `-XX:SharedArchiveFile=${ARCHIVE}`];

/** Size and time of every jar on the launcher's class path. */
async function launcherKey(): Promise<string> {
  const lib = path.join(LAUNCHER_DIR, 'target/lib');
  const jars = [
    path.join(LAUNCHER_DIR, 'target/coopgraph-neo4j.jar'),
    ...(await readdir(lib)).sort().map((name) => path.join(lib, name)),
  ];
  const stats = await Promise.all(
    jars.map(async (jar) => stat(jar).then(({ size, mtimeMs }) => `${jar} ${size} ${mtimeMs}`)),
  );
  return stats.join('\n');
}

/** Dumps the classes a start, migration and seeding load into the archive, once per launcher build. */
async function ensureClassArchive(): Promise<void> {
  const key = await launcherKey().catch(() => null);
  if (key && (await readFile(ARCHIVE_KEY, 'utf8').catch(() => null)) === key) return;
  await mkdir(ARCHIVE_DIR, { recursive: true });
  const dumped = `${ARCHIVE}.${process.pid}`;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'coopgraph-cds-'));
  process.env.JDK_JAVA_OPTIONS = [SHORT_LIFE, ...QUIET_ARCHIVE, `-XX:ArchiveClassesAtExit=${dumped}`].join(' ');
  try {
    await (await startMigratedNeo4j({ dataDir, seed: true })).stop();
    await rename(dumped, ARCHIVE);
    await writeFile(ARCHIVE_KEY, await launcherKey());
  } finally {
    delete process.env.JDK_JAVA_OPTIONS;
    await rm(dataDir, { recursive: true, force: true });
    await rm(dumped, { force: true });
  }
}

/**
 * Makes every JVM the test run starts (the Neo4js of files that stop them, the importer, the servers it spawns)
 * start on C1 and the class archive, through `JDK_JAVA_OPTIONS`, which test workers and their children inherit.
 * The Neo4j host is given the archive alone (`ARCHIVE_JVM_OPTIONS`).
 */
export async function prepareTestJvm(): Promise<void> {
  // The archive is keyed by the jars: the launcher is built first if its sources changed.
  prepareLauncher();
  await ensureClassArchive();
  process.env.JDK_JAVA_OPTIONS = [SHORT_LIFE, ...ARCHIVE_JVM_OPTIONS].join(' ');
}

import { spawn } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { LAUNCHER_DIR } from './startEmbeddedNeo4j.js';
import { StartupError } from './StartupError.js';

/** One CSV group of the import: `--nodes` or `--relationships`, an optional label or type, and its file. */
export interface Neo4jImportGroup {
  kind: 'nodes' | 'relationships';
  label: string | null;
  path: string;
  multiline: boolean;
}

export interface Neo4jImportOptions {
  /** The embedded Neo4j's store directory (its home: the database lands in `data/databases/neo4j`); must hold no database. */
  storeDir: string;
  groups: readonly Neo4jImportGroup[];
  /** The list and label delimiter the files use, in the importer's spelling (`U+001F`). */
  arrayDelimiter: string;
  /** Off-heap memory the importer may use; `2g` by default. */
  maxOffHeapMemory?: string;
  /** Where the importer's report and configuration go; the first group's folder by default. */
  workDir?: string;
  /** Called as the importer moves through its phases (node import, relationship import, linking, post processing). */
  onProgress?: (progress: Neo4jImportProgress) => void;
  javaCommand?: string;
  launcherDir?: string;
}

export interface Neo4jImportProgress {
  /** 1-based phase number and the number of phases, as the importer counts them. */
  step: number;
  steps: number;
  phase: string;
  percent: number;
}

const PHASE = /^\((\d+)\/(\d+)\) (.+?) \d{4}-\d{2}-\d{2}/;
const PERCENT = /\s(\d{1,3})% ∆/;

/**
 * Runs Neo4j's offline importer (`neo4j-admin database import full`, from the launcher's classpath) into the empty
 * store `storeDir`, so that the embedded launcher then opens the imported database. Rejects with a StartupError
 * naming the importer's own message when it fails, or when the store already holds a database.
 */
export async function runNeo4jImport(options: Neo4jImportOptions): Promise<void> {
  const launcherDir = options.launcherDir ?? LAUNCHER_DIR;
  const storeDir = path.resolve(options.storeDir);
  const databaseDir = path.join(storeDir, 'data/databases/neo4j');
  if ((await readdir(databaseDir).catch(() => [])).length > 0) {
    throw new StartupError(
      `The store ${storeDir} already holds a database: the importer writes only into an empty store; load into it with "npm run seed" instead, or choose an empty directory.`,
    );
  }
  const workDir = path.resolve(options.workDir ?? path.dirname(options.groups[0]?.path ?? storeDir));
  const confDir = path.join(workDir, 'conf');
  await mkdir(confDir, { recursive: true });
  await mkdir(storeDir, { recursive: true });
  await writeFile(path.join(confDir, 'neo4j.conf'), '');
  const multiline = options.groups.filter((group) => group.multiline).map((group) => group.path);
  const args = [
    '-cp',
    `${path.join(launcherDir, 'target/coopgraph-neo4j.jar')}${path.delimiter}${path.join(launcherDir, 'target/lib/*')}`,
    'org.neo4j.cli.AdminTool',
    'database',
    'import',
    'full',
    ...options.groups.map(
      (group) => `--${group.kind}=${group.label === null ? '' : `${group.label}=`}${path.resolve(group.path)}`,
    ),
    `--array-delimiter=${options.arrayDelimiter}`,
    '--id-type=string',
    `--max-off-heap-memory=${options.maxOffHeapMemory ?? '2g'}`,
    `--report-file=${path.join(workDir, 'import.report')}`,
    ...(multiline.length > 0 ? [`--multiline-fields=${multiline.join(',')}`, '--multiline-fields-format=v2'] : []),
    'neo4j',
  ];
  const child = spawn(options.javaCommand ?? 'java', args, {
    env: { ...process.env, NEO4J_HOME: storeDir, NEO4J_CONF: confDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  // Stack frames say nothing a user can act on; the importer's own sentences ("original error: …") do.
  const remember = (line: string) => {
    if (/^\s+at |^\s*\.\.\. \d+ more/.test(line)) return;
    tail.push(line);
    if (tail.length > 40) tail.shift();
  };
  let progress: Neo4jImportProgress | null = null;
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const phase = PHASE.exec(line);
    if (phase) progress = { step: Number(phase[1]), steps: Number(phase[2]), phase: phase[3]!, percent: 0 };
    const percent = PERCENT.exec(line);
    if (progress && (phase || percent)) {
      progress = { ...progress, percent: percent ? Number(percent[1]) : progress.percent };
      options.onProgress?.(progress);
    }
    if (!percent) remember(line);
  });
  createInterface({ input: child.stderr! }).on('line', remember);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', (error) =>
      reject(
        new StartupError(
          `Java was not found (${error.message}): install a JDK 17 or newer and put java on PATH to use the importer.`,
        ),
      ),
    );
    child.once('close', resolve);
  });
  if (code !== 0) {
    const original = tail.findLast((line) => line.includes('original error:'));
    const reason = original
      ? original.slice(original.indexOf('original error:') + 'original error:'.length).trim()
      : tail
          .filter((line) => line.trim() !== '')
          .slice(-3)
          .join(' ')
          .trim();
    throw new StartupError(`Neo4j's importer failed (exit code ${code}): ${reason || 'no output'}.`);
  }
}

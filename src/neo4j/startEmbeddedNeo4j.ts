import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { PortInUseError } from './PortInUseError.js';
import { StartupError } from './StartupError.js';

/** The launcher's folder: `neo4j/` at the project root. */
export const LAUNCHER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../neo4j');

/** Flags every JVM running the launcher's jar needs (Netty reaches into java.nio; small stores suit the serial GC). */
export const EMBEDDED_JVM_FLAGS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-XX:+UseSerialGC',
];

export interface EmbeddedNeo4jOptions {
  /** Store directory; one process per directory. */
  dataDir: string;
  port: number;
  host?: string;
  /** Neo4j's page cache (`server.memory.pagecache.size`), such as `256m` or `4g`; the store files it keeps in memory. */
  pageCache?: string;
  /**
   * The JVM heap (queries, transaction state), such as `1g`: both initial and maximum size, as Neo4j advises, so the
   * heap never resizes. Unset leaves the JVM's own default (a quarter of the machine's memory).
   */
  heap?: string;
  /** How long to wait for Bolt before giving up. */
  startTimeoutMs: number;
  /** The launcher's Maven project; defaults to `neo4j/`. */
  launcherDir?: string;
  /** Overridable so that a missing JDK or Maven Wrapper can be reproduced; Maven defaults to the launcher's `mvnw`. */
  javaCommand?: string;
  mavenCommand?: string;
  /** Progress lines such as "building the launcher". */
  onProgress?: (message: string) => void;
  /** Whether java is checked and the launcher built first; a restart of a launcher that already ran skips it. */
  preflight?: boolean;
}

/** How the launcher's JVM ended: its exit code, or the signal that killed it. */
export interface Neo4jExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A running embedded Neo4j. `stop()` sends SIGTERM and resolves once the store is closed. */
export interface EmbeddedNeo4j {
  /**
   * A `neo4j://` URI: drivers route through it (a standalone Neo4j answers routing requests with itself), so the
   * embedded mode and the tests run the code path of a cluster or Aura.
   */
  uri: string;
  pid: number;
  /** Settles when the JVM is gone, whether stopped, crashed or killed. */
  exited: Promise<Neo4jExit>;
  stop(): Promise<void>;
}

/**
 * Builds the launcher if its jar is missing or older than its sources, starts Neo4j Community embedded with Bolt
 * on `host:port`, and resolves once Bolt accepts connections. Every expected failure rejects with a StartupError
 * whose message is one sentence naming the cause and the fix.
 */
export async function startEmbeddedNeo4j(options: EmbeddedNeo4jOptions): Promise<EmbeddedNeo4j> {
  const java = options.javaCommand ?? 'java';
  const launcherDir = options.launcherDir ?? LAUNCHER_DIR;
  if (options.preflight ?? true) prepareLauncher({ ...options, javaCommand: java, launcherDir });

  const host = options.host ?? '127.0.0.1';
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const child = spawn(
    java,
    [
      ...EMBEDDED_JVM_FLAGS,
      ...(options.heap ? [`-Xms${options.heap}`, `-Xmx${options.heap}`] : []),
      '-jar',
      path.join(launcherDir, 'target/coopgraph-neo4j.jar'),
      '--data',
      dataDir,
      '--host',
      host,
      '--port',
      String(options.port),
      '--pagecache',
      options.pageCache ?? '256m',
    ],
    // stdin stays open: the launcher exits when it closes, so a crashed parent never leaves Neo4j running.
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const exited = new Promise<Neo4jExit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  await waitForReady(child, exited, { ...options, dataDir, host });

  return {
    uri: `neo4j://${host}:${options.port}`,
    pid: child.pid ?? -1,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      // SIGKILL would force recovery on the next start; only a hung JVM gets it.
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function waitForReady(
  child: ChildProcess,
  exited: Promise<Neo4jExit>,
  options: EmbeddedNeo4jOptions & { dataDir: string; host: string },
): Promise<void> {
  return new Promise((resolve, reject) => {
    let errorLine = '';
    const lines = createInterface({ input: child.stdout! });
    // Only the tail is kept (it names the failure): a supervised JVM runs for months, and its output must keep
    // being read or the pipe fills and blocks it.
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4_096)));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
    }, options.startTimeoutMs);

    lines.on('line', (line) => {
      if (line.startsWith('READY ')) {
        clearTimeout(timer);
        resolve();
      } else if (line.startsWith('ERROR ')) {
        errorLine = line.slice('ERROR '.length);
      }
    });
    // Rejects only once the JVM is gone, so the store is never left half-open behind a failed start.
    void exited.then(({ code }) => {
      clearTimeout(timer);
      if (timedOut) {
        reject(
          new StartupError(
            `Neo4j did not become ready within ${Math.round(options.startTimeoutMs / 1000)} s: see ${path.join(options.dataDir, 'logs/debug.log')}, or raise NEO4J_START_TIMEOUT_MS on a slow machine.`,
          ),
        );
      } else {
        reject(explainExit(code, errorLine || stderr.trim().split('\n').at(-1) || 'no output', options));
      }
    });
  });
}

function explainExit(
  code: number | null,
  detail: string,
  options: EmbeddedNeo4jOptions & { dataDir: string; host: string },
): StartupError {
  // Exit 3: the launcher found the port taken; a bind failure while starting means the same, found later.
  if (code === 3 || detail.includes('Address already in use')) {
    return new PortInUseError(
      `Port ${options.port} on ${options.host} is already in use: stop the program listening there, or set NEO4J_EMBEDDED_PORT to a free port (or NEO4J_URI to use the Neo4j already running there).`,
    );
  }
  switch (code) {
    case 4:
      return new StartupError(
        `The Neo4j store in ${options.dataDir} is locked by another process: stop the other coopgraph or Neo4j using it, or set NEO4J_DATA_DIR to another directory.`,
      );
    default:
      return new StartupError(
        `Neo4j exited before it was ready (exit code ${code}: ${detail}): see ${path.join(options.dataDir, 'logs/debug.log')}.`,
      );
  }
}

/** Checks that Java runs and builds the launcher's jar if it is missing or older than its sources. */
export function prepareLauncher(
  options: Pick<EmbeddedNeo4jOptions, 'javaCommand' | 'launcherDir' | 'mavenCommand' | 'onProgress'> = {},
): void {
  const java = options.javaCommand ?? 'java';
  requireCommand(
    java,
    ['-version'],
    `Java was not found (tried "${java}"): install a JDK 17 or newer and put java on PATH, or set NEO4J_URI to use an existing Neo4j.`,
  );
  buildLauncherIfStale(options.launcherDir ?? LAUNCHER_DIR, options);
}

function buildLauncherIfStale(
  launcherDir: string,
  options: Pick<EmbeddedNeo4jOptions, 'mavenCommand' | 'onProgress'>,
): void {
  const jar = path.join(launcherDir, 'target/coopgraph-neo4j.jar');
  const javaDir = path.join(launcherDir, 'src/main/java/org/coopgraph/neo4j');
  const sources = [path.join(launcherDir, 'pom.xml'), ...readdirSync(javaDir).map((name) => path.join(javaDir, name))];
  if (existsSync(jar) && sources.every((source) => statSync(source).mtimeMs <= statSync(jar).mtimeMs)) return;

  // The Maven Wrapper fetches the Maven version the launcher pins, so no system Maven is needed.
  const maven = options.mavenCommand ?? path.join(launcherDir, 'mvnw');
  options.onProgress?.(
    'Building the embedded Neo4j launcher with the Maven Wrapper (the first build downloads Maven and about 130 MB)…',
  );
  const build = spawnSync(maven, ['-q', '-B', '-f', path.join(launcherDir, 'pom.xml'), 'package', '-DskipTests'], {
    encoding: 'utf8',
  });
  if (build.error) {
    throw new StartupError(
      `The Maven Wrapper was not found (tried "${maven}"): restore it with "git checkout -- neo4j/mvnw neo4j/.mvn", or set NEO4J_URI to use an existing Neo4j.`,
    );
  }
  if (build.status !== 0) {
    const detail =
      `${build.stdout}${build.stderr}`.split('\n').find((line) => line.includes('ERROR')) ??
      `exit code ${build.status}`;
    throw new StartupError(
      `Building the embedded Neo4j launcher failed (${detail.trim()}): run "npm run neo4j:build" to see Maven's full output.`,
    );
  }
}

function requireCommand(command: string, args: string[], message: string): void {
  const probe = spawnSync(command, args, { stdio: 'ignore' });
  if (probe.error) throw new StartupError(message);
}

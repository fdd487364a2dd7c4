import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { EMBEDDED_JVM_FLAGS, LAUNCHER_DIR } from '../../src/neo4j/startEmbeddedNeo4j.js';
import { PortInUseError } from '../../src/neo4j/PortInUseError.js';
import { startOnFreePort } from './startOnFreePort.js';

/** The JVM that runs the test stores' Neo4j instances (the launcher's `Host`). */
export interface Neo4jHost {
  /** Where `startHostedNeo4j` asks for an instance. */
  controlPort: number;
  /** Ends the JVM and every instance still running in it. */
  stop(): Promise<void>;
}

/** A Neo4j instance running in the host, on a store of its own. */
export interface HostedNeo4j {
  uri: string;
  port: number;
  /** Stops the instance cleanly: a copy of its store then starts without recovery. */
  stop(): Promise<void>;
}

/**
 * Starts the host JVM on the launcher's jar, with `jvmOptions` as its `JDK_JAVA_OPTIONS` (the test run's other JVMs'
 * are left alone). Unlike the short-lived test JVMs it should keep the optimizing compiler: it lives for the whole run
 * and plans the same Cypher in every store, so compiling the planner fully pays back.
 */
export async function startNeo4jHost({ jvmOptions }: { jvmOptions: readonly string[] }): Promise<Neo4jHost> {
  const child = spawn(
    'java',
    [...EMBEDDED_JVM_FLAGS, '-cp', path.join(LAUNCHER_DIR, 'target/coopgraph-neo4j.jar'), 'org.coopgraph.neo4j.Host'],
    { env: { ...process.env, JDK_JAVA_OPTIONS: jvmOptions.join(' ') }, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4_096)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const controlPort = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => resolve(Number(line.split(' ')[1])));
    void exited.then(() => reject(new Error(`the Neo4j host exited before it was ready: ${stderr.trim()}`)));
  });
  return {
    controlPort,
    async stop() {
      child.stdin.end();
      await exited;
    },
  };
}

/** A client connection to the host's control port: a line command, its one-line answer. */
export interface HostConnection {
  send(command: string): Promise<string>;
  /** Closes the connection; the host stops the instances it started. */
  close(): void;
}

export function connectToHost(controlPort: number): HostConnection {
  const control = net.connect(controlPort, '127.0.0.1');
  const lines = createInterface({ input: control });
  const closedError = () => new Error('the Neo4j host closed the connection: has it exited?');
  // An error between commands (the host exiting) must not go unhandled; the next command then fails at once.
  control.on('error', () => undefined);
  return {
    send: (command) =>
      new Promise<string>((resolve, reject) => {
        if (control.destroyed) {
          reject(closedError());
          return;
        }
        // Each command removes its listeners once answered: a client may send many on one connection.
        const settle = () => {
          lines.off('line', answered);
          control.off('error', failed);
          control.off('close', closed);
        };
        const answered = (line: string) => {
          settle();
          resolve(line);
        };
        const failed = (error: Error) => {
          settle();
          reject(error);
        };
        const closed = () => failed(closedError());
        lines.once('line', answered);
        control.once('error', failed);
        control.once('close', closed);
        control.write(`${command}\n`);
      }),
    close: () => control.destroy(),
  };
}

/**
 * Starts an instance on `dataDir` in the host, on `port` or else a free one; it stops when `stop` is called or this
 * process ends.
 */
export function startHostedNeo4j(
  controlPort: number,
  dataDir: string,
  pageCache: string,
  port?: number,
): Promise<HostedNeo4j> {
  const start = async (bolt: number): Promise<HostedNeo4j> => {
    const control = connectToHost(controlPort);
    const started = await control.send(`START ${bolt} ${pageCache} ${path.resolve(dataDir)}`);
    if (started !== 'READY') {
      control.close();
      const detail = started.replace(/^ERROR /, '');
      throw detail.includes('in use')
        ? new PortInUseError(`port ${bolt} is already in use`)
        : new Error(`Neo4j did not start on ${dataDir}: ${detail}`);
    }
    return {
      uri: `neo4j://127.0.0.1:${bolt}`,
      port: bolt,
      async stop() {
        await control.send(`STOP ${bolt}`);
        control.close();
      },
    };
  };
  return port === undefined ? startOnFreePort(start) : start(port);
}

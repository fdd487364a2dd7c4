import {
  startEmbeddedNeo4j,
  type EmbeddedNeo4j,
  type EmbeddedNeo4jOptions,
  type Neo4jExit,
} from './startEmbeddedNeo4j.js';

/** `running`: Neo4j is up; `restarting`: it died and a restart is waiting or under way; `stopped`: stopped on request; `failed`: the supervisor gave up. */
export type SupervisedNeo4jState = 'running' | 'restarting' | 'stopped' | 'failed';

/** A snapshot of the supervised Neo4j, for /health, /ready, logs and metrics. Holds no address. */
export interface SupervisedNeo4jStatus {
  state: SupervisedNeo4jState;
  /** Restarts that brought Neo4j back since the process started. */
  restarts: number;
  /** The restart attempt waiting, under way, last failed or last succeeded since Neo4j last ran stably; 0 when none. */
  attempt: number;
  /** The JVM's process id while one runs. */
  pid: number | null;
  /** How the last unexpected exit ended. */
  lastExit: Neo4jExit | null;
}

/** What readers of the supervisor's state (health routes, metrics) need of it. */
export interface Neo4jSupervision {
  status(): SupervisedNeo4jStatus;
}

/** When and how often a dead Neo4j is started again. */
export interface RestartPolicy {
  /** The wait before the first restart; doubles with each failed attempt. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** Restart attempts (failed starts or crashes soon after a restart) before giving up; 0 never restarts. */
  maxAttempts: number;
  /** A Neo4j that ran this long counts as healthy: its next crash starts over at attempt 1. */
  stableAfterMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  initialDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxAttempts: 5,
  stableAfterMs: 60_000,
};

/** What the supervisor did, to be logged: each names the attempt and, when another follows, its delay. */
export type Neo4jSupervisorEvent =
  | { type: 'exited'; exit: Neo4jExit; attempt: number; delayMs: number }
  | { type: 'restartFailed'; error: Error; attempt: number; delayMs: number }
  | { type: 'restarted'; attempt: number; pid: number; tookMs: number }
  | { type: 'gaveUp'; attempts: number; exit: Neo4jExit | null; error: Error | null };

export interface SupervisorOptions extends EmbeddedNeo4jOptions {
  restart?: Partial<RestartPolicy>;
  onEvent?: (event: Neo4jSupervisorEvent) => void;
}

/** A supervised embedded Neo4j: always on the same Bolt URI, so a driver reconnects by itself after a restart. */
export interface Neo4jSupervisor extends Neo4jSupervision {
  readonly uri: string;
  /** Stops Neo4j (and any restart under way) for good; resolves once the store is closed. */
  stop(): Promise<void>;
}

/**
 * Starts the embedded Neo4j (rejecting with the same one-sentence StartupErrors as `startEmbeddedNeo4j`), then
 * watches it: an exit nobody asked for is followed by a restart after an exponentially growing delay, until
 * `maxAttempts` attempts in a row failed (a locked store or a taken port does not heal by retrying forever).
 */
export async function superviseEmbeddedNeo4j(options: SupervisorOptions): Promise<Neo4jSupervisor> {
  const policy: RestartPolicy = { ...DEFAULT_RESTART_POLICY, ...options.restart };
  const emit = options.onEvent ?? (() => undefined);
  let current: EmbeddedNeo4j | null = await startEmbeddedNeo4j(options);
  let startedAt = performance.now();
  let state: SupervisedNeo4jState = 'running';
  let restarts = 0;
  let attempt = 0;
  let lastExit: Neo4jExit | null = null;
  let stopping = false;
  let timer: NodeJS.Timeout | null = null;
  let starting: Promise<EmbeddedNeo4j> | null = null;

  const watch = (neo4j: EmbeddedNeo4j) => {
    void neo4j.exited.then((exit) => {
      if (current !== neo4j) return;
      current = null;
      if (stopping) return;
      lastExit = exit;
      if (performance.now() - startedAt >= policy.stableAfterMs) attempt = 0;
      retry({ exit });
    });
  };

  const retry = (cause: { exit: Neo4jExit } | { error: Error }) => {
    if (attempt >= policy.maxAttempts) {
      state = 'failed';
      emit({
        type: 'gaveUp',
        attempts: attempt,
        exit: 'exit' in cause ? cause.exit : lastExit,
        error: 'error' in cause ? cause.error : null,
      });
      return;
    }
    attempt += 1;
    state = 'restarting';
    const delayMs = Math.min(policy.initialDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
    emit(
      'exit' in cause
        ? { type: 'exited', exit: cause.exit, attempt, delayMs }
        : { type: 'restartFailed', error: cause.error, attempt, delayMs },
    );
    timer = setTimeout(() => void restart(), delayMs);
  };

  const restart = async () => {
    timer = null;
    const began = performance.now();
    starting = startEmbeddedNeo4j({ ...options, preflight: false });
    try {
      const neo4j = await starting;
      if (stopping) return; // stop() stops it
      current = neo4j;
      startedAt = performance.now();
      restarts += 1;
      state = 'running';
      watch(neo4j);
      emit({ type: 'restarted', attempt, pid: neo4j.pid, tookMs: Math.round(startedAt - began) });
    } catch (error) {
      if (!stopping) retry({ error: error as Error });
    } finally {
      starting = null;
    }
  };

  watch(current);
  return {
    uri: current.uri,
    status: () => ({ state, restarts, attempt, pid: current?.pid ?? null, lastExit }),
    async stop() {
      stopping = true;
      state = 'stopped';
      if (timer) clearTimeout(timer);
      timer = null;
      const started = await starting?.catch(() => null);
      await started?.stop();
      await current?.stop();
    },
  };
}

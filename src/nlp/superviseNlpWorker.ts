import { DEFAULT_RESTART_POLICY, type RestartPolicy } from '../neo4j/superviseEmbeddedNeo4j.js';
import { ensureNlpEnvironment } from './ensureNlpEnvironment.js';
import { NlpUnavailableError, type NlpClient, type NlpWorkerState } from './NlpClient.js';
import { startNlpWorker, type NlpWorkerProcess } from './startNlpWorker.js';

/** What the supervisor did, to be logged. */
export type NlpSupervisorEvent =
  | { type: 'started'; pid: number; tookMs: number; restarts: number }
  | { type: 'exited'; code: number | null; signal: string | null; attempt: number; delayMs: number }
  | { type: 'startFailed'; error: Error; attempt: number; delayMs: number }
  | { type: 'gaveUp'; attempts: number; reason: string };

export interface NlpSupervisorOptions {
  /** The interpreter that creates the worker's virtual environment. Default `python3`. */
  python?: string;
  /** Where the virtual environment is kept. Default `.cache/nlp/`. */
  cacheDir?: string;
  /** How long loading the analyser may take. Default 60 s. */
  startTimeoutMs?: number;
  /** How long one request may take before it fails (the worker keeps running). Default 5 s. */
  requestTimeoutMs?: number;
  restart?: Partial<RestartPolicy>;
  onEvent?: (event: NlpSupervisorEvent) => void;
}

/**
 * Installs (on first use) and starts the text-analysis worker in the background, and owns it the way the server
 * owns the embedded Neo4j: an exit nobody asked for is followed by a restart after an exponentially growing delay,
 * until `maxAttempts` attempts in a row failed. Returns at once; calls made while the worker is not running reject
 * with NlpUnavailableError.
 */
export function superviseNlpWorker(options: NlpSupervisorOptions = {}): NlpClient {
  const policy: RestartPolicy = { ...DEFAULT_RESTART_POLICY, ...options.restart };
  const emit = options.onEvent ?? (() => undefined);
  const startTimeoutMs = options.startTimeoutMs ?? 60_000;
  const requestTimeoutMs = options.requestTimeoutMs ?? 5_000;
  const listeners = new Set<() => void>();
  let current: NlpWorkerProcess | null = null;
  let state: NlpWorkerState = 'starting';
  let reason: string | null = 'the text-analysis worker is starting';
  let restarts = 0;
  let attempt = 0;
  let everStarted = false;
  let startedAt = 0;
  let stopping = false;
  let timer: NodeJS.Timeout | null = null;
  let settleStarted: (started: boolean) => void = () => undefined;
  const started = new Promise<boolean>((resolve) => (settleStarted = resolve));

  const start = async () => {
    timer = null;
    const began = performance.now();
    try {
      const python = await ensureNlpEnvironment({ python: options.python, cacheDir: options.cacheDir });
      if (stopping) return;
      const worker = await startNlpWorker({ python, startTimeoutMs });
      if (stopping) return void (await worker.stop());
      current = worker;
      startedAt = performance.now();
      if (everStarted) restarts += 1;
      everStarted = true;
      state = 'running';
      reason = null;
      emit({ type: 'started', pid: worker.pid, tookMs: Math.round(startedAt - began), restarts });
      settleStarted(true);
      for (const listener of listeners) listener();
      void worker.exited.then((exit) => {
        if (current !== worker) return;
        current = null;
        if (stopping) return;
        if (performance.now() - startedAt >= policy.stableAfterMs) attempt = 0;
        retry(
          `the text-analysis worker exited (${exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`})`,
          (delayMs) => emit({ type: 'exited', code: exit.code, signal: exit.signal, attempt, delayMs }),
        );
      });
    } catch (error) {
      if (stopping) return;
      retry((error as Error).message, (delayMs) =>
        emit({ type: 'startFailed', error: error as Error, attempt, delayMs }),
      );
    }
  };

  const retry = (why: string, report: (delayMs: number) => void) => {
    reason = why;
    if (attempt >= policy.maxAttempts) {
      state = 'failed';
      emit({ type: 'gaveUp', attempts: attempt, reason: why });
      settleStarted(false);
      return;
    }
    attempt += 1;
    state = 'restarting';
    const delayMs = Math.min(policy.initialDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
    report(delayMs);
    timer = setTimeout(() => void start(), delayMs);
  };

  const call = <T>(op: string, payload: Record<string, unknown>, timeoutMs = requestTimeoutMs): Promise<T> => {
    if (!current)
      return Promise.reject(
        new NlpUnavailableError(`text analysis is unavailable: ${reason ?? 'the worker is not running'}`),
      );
    return current.request<T>(op, payload, timeoutMs);
  };

  void start();
  return {
    status: () => ({ state, restarts, reason }),
    whenStarted: () => started,
    onStarted(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    lemmas: (words) => (words.length === 0 ? Promise.resolve([]) : call('lemmas', { words })),
    tokens: (text) => call('tokens', { text }),
    // The first call loads the NER model (a few seconds), hence the start-up allowance.
    entities: (text) => call('entities', { text }, Math.max(requestTimeoutMs, startTimeoutMs)),
    analyze: (text) => call('analyze', { text }, Math.max(requestTimeoutMs, startTimeoutMs)),
    nominative: (phrases) => (phrases.length === 0 ? Promise.resolve([]) : call('nominative', { phrases })),
    async stop() {
      stopping = true;
      state = 'stopped';
      reason = 'the text-analysis worker was stopped';
      if (timer) clearTimeout(timer);
      settleStarted(false);
      const worker = current;
      current = null;
      await worker?.stop();
    },
  };
}

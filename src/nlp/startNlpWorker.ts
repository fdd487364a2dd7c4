import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { NLP_DIR } from './ensureNlpEnvironment.js';

/** One running worker process (`nlp/worker.py`), speaking JSON lines over stdin/stdout. */
export interface NlpWorkerProcess {
  readonly pid: number;
  /** Sends one request; rejects when the worker answers an error, exits, or takes longer than `timeoutMs`. */
  request<T>(op: string, payload: Record<string, unknown>, timeoutMs: number): Promise<T>;
  /** Resolves when the process ends, for whatever reason. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

export interface StartNlpWorkerOptions {
  python: string;
  /** How long loading the analyser may take before the start counts as failed. */
  startTimeoutMs: number;
}

/** Starts the worker with the given interpreter and resolves once it said it is ready. */
export async function startNlpWorker({ python, startTimeoutMs }: StartNlpWorkerOptions): Promise<NlpWorkerProcess> {
  const child = spawn(python, ['-u', path.join(NLP_DIR, 'worker.py')], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, PYTHONIOENCODING: 'utf-8' },
  });
  const waiting = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }
  >();
  let nextId = 1;
  let stderrTail = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderrTail = (stderrTail + chunk).slice(-2_000)));
  child.stdin.on('error', () => undefined); // a dead worker is reported by `exited`
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('error', (error) => {
      stderrTail += error.message;
      resolve({ code: null, signal: null });
    });
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  void exited.then(() => {
    for (const [id, call] of waiting) {
      clearTimeout(call.timer);
      call.reject(new Error('the text-analysis worker exited'));
      waiting.delete(id);
    }
  });

  createInterface({ input: child.stdout }).on('line', (line) => {
    let message: { ready?: boolean; id?: number; result?: unknown; error?: string };
    try {
      message = JSON.parse(line) as typeof message;
    } catch {
      return;
    }
    if (message.ready) return markReady();
    const call = message.id === undefined ? undefined : waiting.get(message.id);
    if (!call) return;
    waiting.delete(message.id!);
    clearTimeout(call.timer);
    if (message.error !== undefined) call.reject(new Error(`the text-analysis worker failed: ${message.error}`));
    else call.resolve(message.result);
  });

  let timer: NodeJS.Timeout | undefined;
  const started = await Promise.race([
    ready.then(() => true),
    exited.then(() => false),
    new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), startTimeoutMs))),
  ]);
  clearTimeout(timer);
  if (!started) {
    child.kill('SIGKILL');
    const reason = stderrTail.trim().split('\n').at(-1) ?? '';
    throw new Error(`the text-analysis worker did not start${reason ? `: ${reason}` : ` within ${startTimeoutMs} ms`}`);
  }

  return {
    pid: child.pid!,
    exited,
    request<T>(op: string, payload: Record<string, unknown>, timeoutMs: number): Promise<T> {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error(`the text-analysis worker did not answer within ${timeoutMs} ms`));
        }, timeoutMs);
        waiting.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
        child.stdin.write(`${JSON.stringify({ id, op, ...payload })}\n`);
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.stdin.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 2_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

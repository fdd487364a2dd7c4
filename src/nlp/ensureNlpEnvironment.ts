import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The project's `nlp/` directory: the worker script and its pinned requirements. */
export const NLP_DIR = fileURLToPath(new URL('../../nlp/', import.meta.url));

/** Where the worker's virtual environment lives (git-ignored), unless `NLP_CACHE_DIR` says otherwise. */
export const DEFAULT_NLP_CACHE_DIR = fileURLToPath(new URL('../../.cache/nlp/', import.meta.url));

export interface NlpEnvironmentOptions {
  /** The Python 3.11+ interpreter that creates the environment. Default `python3`. */
  python?: string;
  cacheDir?: string;
}

const pending = new Map<string, Promise<string>>();

/**
 * The Python interpreter of a virtual environment holding `nlp/requirements.txt`, created under the cache
 * directory on first use (pip, about 15 s and 60 MB) and reused while the requirements and the interpreter are
 * unchanged. Rejects with one sentence naming what to install when Python or pip fail.
 */
export function ensureNlpEnvironment(options: NlpEnvironmentOptions = {}): Promise<string> {
  const cacheDir = options.cacheDir ?? DEFAULT_NLP_CACHE_DIR;
  const key = path.resolve(cacheDir);
  let promise = pending.get(key);
  if (!promise) {
    promise = createEnvironment(options.python ?? 'python3', cacheDir).finally(() => pending.delete(key));
    pending.set(key, promise);
  }
  return promise;
}

async function createEnvironment(python: string, cacheDir: string): Promise<string> {
  const requirements = path.join(NLP_DIR, 'requirements.txt');
  let version: string;
  try {
    version = (
      await run(python, ['-c', 'import sys; assert sys.version_info >= (3, 11), sys.version; print(sys.version)'])
    ).stdout.trim();
  } catch (error) {
    throw new Error(
      `the text-analysis worker needs Python 3.11 or newer as "${python}" (set NLP_PYTHON): ${firstLine(error)}`,
      { cause: error },
    );
  }
  const stamp = createHash('sha256')
    .update(version)
    .update(await readFile(requirements))
    .digest('hex');
  const venv = path.join(cacheDir, 'venv');
  const venvPython = path.join(venv, 'bin', 'python');
  const stampFile = path.join(venv, 'coopgraph-requirements.sha256');
  if (existsSync(venvPython) && (await readFile(stampFile, 'utf8').catch(() => '')) === stamp) return venvPython;

  await mkdir(cacheDir, { recursive: true });
  // Another process (a test run beside `npm start`) may be installing: the lock directory makes it wait for it.
  const lock = path.join(cacheDir, 'install.lock');
  await acquireLock(lock);
  try {
    if (existsSync(venvPython) && (await readFile(stampFile, 'utf8').catch(() => '')) === stamp) return venvPython;
    await rm(venv, { recursive: true, force: true });
    try {
      await run(python, ['-m', 'venv', venv]);
      await run(
        venvPython,
        ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', '-q', '-r', requirements],
        {
          maxBuffer: 16 * 1024 * 1024,
          timeout: 600_000,
        },
      );
    } catch (error) {
      await rm(venv, { recursive: true, force: true });
      throw new Error(
        `installing the text-analysis worker's Python packages (nlp/requirements.txt) failed: ${firstLine(error)}`,
        { cause: error },
      );
    }
    await writeFile(stampFile, stamp);
    return venvPython;
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

/**
 * Waits for the lock directory to be free, then takes it. A lock whose owner is gone (a server stopped during its
 * install) or that is older than 15 minutes is taken over, so an interrupted install never blocks the next one.
 */
async function acquireLock(lock: string): Promise<void> {
  const owner = path.join(lock, 'pid');
  for (;;) {
    try {
      await mkdir(lock);
      await writeFile(owner, String(process.pid));
      return;
    } catch {
      const age = await stat(lock).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      const pid = Number(await readFile(owner, 'utf8').catch(() => ''));
      if (age > 15 * 60_000 || (Number.isInteger(pid) && pid > 0 && !isAlive(pid)))
        await rm(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** Whether a process with this id runs (signal 0 tests without sending anything). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function firstLine(error: unknown): string {
  const stderr = (error as { stderr?: string }).stderr?.trim();
  const message = stderr ? stderr.split('\n').at(-1)! : (error as Error).message.split('\n')[0]!;
  return message;
}

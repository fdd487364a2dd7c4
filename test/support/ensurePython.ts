import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { isProcessAlive } from './isProcessAlive.js';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');
const REQUIREMENTS = join(ROOT, 'test/support/python/requirements.txt');
const VENV = join(ROOT, '.cache/python');

/** Held (created with the holder's pid) by the one process installing into the environment. */
const INSTALLING = join(ROOT, '.cache/python.installing');

async function isCurrent(python: string, stamp: string, digest: string): Promise<boolean> {
  return existsSync(python) && existsSync(stamp) && (await readFile(stamp, 'utf8').catch(() => '')) === digest;
}

/** The pid in the install lock, or null when nobody holds it. */
async function installer(): Promise<number | null> {
  const pid = Number(await readFile(INSTALLING, 'utf8').catch(() => 'NaN'));
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/**
 * The Python of a virtual environment under `.cache/python` (git-ignored) holding the pinned packages of
 * `test/support/python/requirements.txt` (networkx, pandas, followthemoney), installed from PyPI on first use and
 * again whenever that file changes. One process installs at a time (the test run's global setup starts it); the
 * others wait for it, and take over from one that died. Needs `python3` with `venv` on PATH. The first install takes
 * minutes on a loaded machine: callers give their hook `PYTHON_SETUP_TIMEOUT_MS`.
 */
export async function ensurePython(): Promise<string> {
  const python = join(VENV, 'bin/python');
  const requirements = await readFile(REQUIREMENTS, 'utf8');
  const digest = createHash('sha256').update(requirements).digest('hex');
  const stamp = join(VENV, 'requirements.sha256');
  for (;;) {
    if (await isCurrent(python, stamp, digest)) return python;
    await mkdir(join(ROOT, '.cache'), { recursive: true });
    const locked = await writeFile(INSTALLING, `${process.pid}`, { flag: 'wx' }).then(
      () => true,
      () => false,
    );
    if (locked) {
      try {
        if (!(await isCurrent(python, stamp, digest))) await install(python, stamp, digest);
      } finally {
        await rm(INSTALLING, { force: true });
      }
      return python;
    }
    const holder = await installer();
    if (holder !== null && !isProcessAlive(holder)) await rm(INSTALLING, { force: true });
    else await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function install(python: string, stamp: string, digest: string): Promise<void> {
  // An install cut short leaves no stamp; pip then completes it rather than starting over.
  if (!existsSync(python)) await run('python3', ['-m', 'venv', VENV]);
  // --no-compile: the tests import a small part of these packages, and Python caches the bytecode of what they import.
  // Compiling every module up front more than doubled the install's CPU (30 s against 12 s, downloads cached).
  const pip = ['-m', 'pip', 'install', '--quiet', '--no-compile', '--disable-pip-version-check', '-r', REQUIREMENTS];
  await run(python, pip, { maxBuffer: 16 * 1024 * 1024 });
  await writeFile(stamp, digest);
}

/** Runs `script` with the environment's Python, `env` added to the environment, and parses what it prints as JSON. */
export async function runPython<T>(python: string, script: string, env: Record<string, string> = {}): Promise<T> {
  const child = run(python, ['-c', script], {
    env: { ...process.env, ...env, PYTHONIOENCODING: 'utf-8' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const { stdout } = await child;
  return JSON.parse(stdout) as T;
}

/** How long a hook that calls `ensurePython` may take: a first install downloads about 100 MB of wheels. */
export const PYTHON_SETUP_TIMEOUT_MS = 900_000;

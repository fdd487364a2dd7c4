import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');
const REQUIREMENTS = join(ROOT, 'test/support/python/requirements.txt');
const VENV = join(ROOT, '.cache/python');

/**
 * The Python of a virtual environment under `.cache/python` (git-ignored) holding the pinned packages of
 * `test/support/python/requirements.txt` (networkx, pandas, followthemoney), installed from PyPI on first use and
 * again whenever that file changes. Needs `python3` with `venv` on PATH. The first install takes minutes on a
 * loaded machine: callers give their hook `PYTHON_SETUP_TIMEOUT_MS`.
 */
export async function ensurePython(): Promise<string> {
  const python = join(VENV, 'bin/python');
  const requirements = await readFile(REQUIREMENTS, 'utf8');
  const digest = createHash('sha256').update(requirements).digest('hex');
  const stamp = join(VENV, 'requirements.sha256');
  if (existsSync(python) && existsSync(stamp) && (await readFile(stamp, 'utf8')) === digest) return python;
  // An install cut short leaves no stamp; pip then completes it rather than starting over.
  if (!existsSync(python)) await run('python3', ['-m', 'venv', VENV]);
  await run(python, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '-r', REQUIREMENTS], {
    maxBuffer: 16 * 1024 * 1024,
  });
  await writeFile(stamp, digest);
  return python;
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

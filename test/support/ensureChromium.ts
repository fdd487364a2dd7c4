import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { CHROMIUM_PATH } from '../explorer/launchChromium.js';

const run = promisify(execFile);

/**
 * Installs Debian's Chromium for the browser tests where it is missing and this user may (root, with apt-get), with
 * a one-line notice. Elsewhere, or when the install fails, the browser tests fail naming the command to run.
 */
export async function ensureChromium(): Promise<void> {
  if (existsSync(CHROMIUM_PATH) || process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) return;
  console.log(`Installing Debian's Chromium for the browser tests (apt-get install chromium, once per machine)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    await run('apt-get', ['update', '-qq'], { env });
    await run('apt-get', ['install', '-y', '-qq', 'chromium'], { env, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    console.log(
      `Installing Chromium failed (${(error as Error).message.split('\n')[0]}); the browser tests will name the command to run.`,
    );
  }
}

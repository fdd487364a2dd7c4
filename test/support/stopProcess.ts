import { readdirSync, readFileSync } from 'node:fs';
import { waitFor } from './waitFor.js';

/** Whether every thread of `pid` is stopped (state T); a thread that ended meanwhile counts as stopped. */
function everyThreadStopped(pid: number): boolean {
  return readdirSync(`/proc/${pid}/task`).every((thread) => {
    try {
      const state = readFileSync(`/proc/${pid}/task/${thread}/stat`, 'utf8').split(') ').at(-1)![0];
      return state === 'T' || state === 't';
    } catch {
      return true;
    }
  });
}

/**
 * Sends SIGSTOP to `pid` and resolves once every one of its threads has stopped. `kill` returns before they have
 * (of a busy JVM, most of the time), and a thread still running can answer a request sent in between. Linux only.
 */
export async function stopProcess(pid: number): Promise<void> {
  process.kill(pid, 'SIGSTOP');
  await waitFor(() => everyThreadStopped(pid), 10_000, 1);
}

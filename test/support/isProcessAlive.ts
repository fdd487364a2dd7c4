/** Whether a process with this pid runs (on this machine); a lock or claim left by a dead one may be taken over. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

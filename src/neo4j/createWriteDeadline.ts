import type { ManagedTransaction } from 'neo4j-driver';

/** How a write of an operation whose answer had already timed out ended; for the server log. */
export interface LateWrite {
  /** The audit change the write records, when it records one. */
  changeId: string | null;
  /**
   * `refused`: it was to begin after the deadline, and did not. `rolled back`: it was running, and did not commit.
   * `committed`: its COMMIT was already sent at the deadline (the answer said so) and it landed. `failed`: that
   * COMMIT failed or its outcome is unknown.
   */
  outcome: 'refused' | 'rolled back' | 'committed' | 'failed';
}

/** Thrown into a write that the deadline stopped before it committed; the transaction is rolled back. */
export class WriteDeadlineExpired extends Error {
  constructor() {
    super('The operation timed out before this write committed; it was rolled back.');
    this.name = 'WriteDeadlineExpired';
  }
}

/**
 * The point after which an operation's writes may no longer commit: its answer timed out (HTTP 504), and a
 * write landing later would be one the client was told failed. Database.write runs every transaction through
 * `run`, which refuses to begin after the deadline and rolls back instead of committing. A COMMIT already sent
 * cannot be called back, and one already answered stands: `expire` names those writes, so the timed-out answer
 * can say so instead of "timed out".
 */
export interface WriteDeadline {
  readonly expired: boolean;
  /**
   * Marks the deadline passed; returns the writes of the operation that committed or whose COMMIT is in flight, in
   * order, by change id (null: a write that records none). Empty: the operation wrote nothing and never will.
   */
  expire(): (string | null)[];
  /** Runs one write transaction: `execute` hands the guarded work to `session.executeWrite`. */
  run<T>(
    changeId: string | null,
    work: (tx: ManagedTransaction) => Promise<T>,
    execute: (work: (tx: ManagedTransaction) => Promise<T>) => Promise<T>,
  ): Promise<T>;
}

export interface WriteDeadlineOptions {
  /** Told how each write that was still pending at the deadline ended. */
  onLateWrite?: (write: LateWrite) => void;
}

export function createWriteDeadline({ onLateWrite = () => undefined }: WriteDeadlineOptions = {}): WriteDeadline {
  let expired = false;
  const committed: (string | null)[] = [];
  /** Writes in progress; `committing` while the driver's COMMIT is unanswered, `sentCommit` once one was sent. */
  const pending = new Set<{ changeId: string | null; committing: boolean; sentCommit: boolean; late: boolean }>();
  return {
    get expired() {
      return expired;
    },
    expire() {
      expired = true;
      for (const write of pending) write.late = true;
      return [...committed, ...[...pending].filter((write) => write.committing).map((write) => write.changeId)];
    },
    async run(changeId, work, execute) {
      if (expired) {
        onLateWrite({ changeId, outcome: 'refused' });
        throw new WriteDeadlineExpired();
      }
      const write = { changeId, committing: false, sentCommit: false, late: false };
      pending.add(write);
      try {
        const result = await execute(async (tx) => {
          // The driver calls this again when it retries a transaction: every attempt checks the deadline.
          write.committing = false;
          if (expired) throw new WriteDeadlineExpired();
          const value = await work(tx);
          if (expired) throw new WriteDeadlineExpired();
          // The driver sends COMMIT as soon as this resolves, within the same turn of the event loop: no timer
          // (so no deadline) can come in between.
          write.committing = true;
          write.sentCommit = true;
          return value;
        });
        if (write.late) onLateWrite({ changeId, outcome: 'committed' });
        else committed.push(changeId);
        return result;
      } catch (error) {
        if (write.late) onLateWrite({ changeId, outcome: write.sentCommit ? 'failed' : 'rolled back' });
        throw error;
      } finally {
        pending.delete(write);
      }
    },
  };
}

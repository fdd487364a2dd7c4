import type { GraphChangeModel } from '../models/GraphChangeModel.js';

export interface ChangeFeedOptions {
  /** Changes recorded at or after an ISO-8601 instant, oldest first, without those in `skip`, at most `limit`. */
  readSince: (since: string, skip: readonly string[], limit: number) => Promise<GraphChangeModel[]>;
  /** How often the audit trail is read while someone listens. */
  pollIntervalMs: number;
  /**
   * How far back each read looks again: a change's time is taken before its transaction commits, so a slow write
   * can land behind one already announced. Announced ids are remembered for this long so none repeats.
   */
  overlapMs?: number;
  /** Changes a slow listener may have waiting; older ones are dropped past it. */
  maxQueued?: number;
  onError: (error: unknown) => void;
}

export interface ChangeFeed {
  /** Changes touching one of `ids` (null: all) from now on, until the iterator is returned. */
  subscribe(ids: ReadonlySet<string> | null): Promise<AsyncIterableIterator<GraphChangeModel>>;
  /** Listeners now. */
  readonly listeners: number;
  close(): void;
}

const PAGE = 100;

/**
 * Announces the audit trail's new `(:Change)` records to listeners, whichever server instance wrote them: one
 * reader polls Neo4j while anyone listens (one indexed read per interval, whatever the number of listeners) and
 * fans each change out to the listeners whose ids it touches.
 */
export function createChangeFeed(options: ChangeFeedOptions): ChangeFeed {
  const { readSince, pollIntervalMs, onError } = options;
  const overlapMs = options.overlapMs ?? 30_000;
  const maxQueued = options.maxQueued ?? 100;
  const listeners = new Set<(change: GraphChangeModel) => void>();
  /** Ids announced (or there before the first listener) within the overlap window, with their time. */
  const seen = new Map<string, number>();
  let watermark = 0;
  let timer: NodeJS.Timeout | null = null;
  let primed: Promise<void> | null = null;
  let polling = false;

  const read = async (announce: boolean) => {
    let more = true;
    while (more) {
      const since = new Date(Math.max(0, watermark - overlapMs)).toISOString();
      const changes = await readSince(since, [...seen.keys()], PAGE);
      more = changes.length === PAGE;
      for (const change of changes) {
        const at = Date.parse(change.at);
        seen.set(change.id, at);
        watermark = Math.max(watermark, at);
        if (announce) for (const listener of listeners) listener(change);
      }
    }
    for (const [id, at] of seen) if (at < watermark - overlapMs) seen.delete(id);
  };
  const poll = async () => {
    if (polling) return;
    polling = true;
    try {
      await read(true);
    } catch (error) {
      onError(error);
    } finally {
      polling = false;
    }
  };
  const start = (): Promise<void> => {
    if (!primed) {
      // What is already recorded is not news: remember it without announcing it.
      watermark = Date.now();
      primed = read(false).then(
        () => {
          timer = setInterval(() => void poll(), pollIntervalMs);
          timer.unref();
        },
        (error: unknown) => {
          primed = null;
          throw error;
        },
      );
    }
    return primed;
  };
  const stop = () => {
    if (listeners.size > 0 || !timer) return;
    clearInterval(timer);
    timer = null;
    primed = null;
    seen.clear();
  };

  return {
    async subscribe(ids) {
      await start();
      const queue: GraphChangeModel[] = [];
      let wake: (() => void) | null = null;
      let done = false;
      const listener = (change: GraphChangeModel) => {
        if (
          ids &&
          !change.entityIds.some((id) => ids.has(id)) &&
          !change.relationIds.some((id) => ids.has(id)) &&
          !change.attributeIds.some((id) => ids.has(id))
        )
          return;
        queue.push(change);
        if (queue.length > maxQueued) queue.shift();
        wake?.();
      };
      listeners.add(listener);
      const finish = () => {
        done = true;
        listeners.delete(listener);
        wake?.();
        stop();
      };
      const iterator: AsyncIterableIterator<GraphChangeModel> = {
        [Symbol.asyncIterator]: () => iterator,
        async next() {
          while (!done && queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
          wake = null;
          const change = queue.shift();
          return change && !done ? { value: change, done: false } : { value: undefined, done: true };
        },
        async return() {
          finish();
          return { value: undefined, done: true };
        },
      };
      return iterator;
    },
    get listeners() {
      return listeners.size;
    },
    close() {
      listeners.clear();
      stop();
    },
  };
}

import type { Logger } from 'pino';
import { assertNever } from '../domain/assertNever.js';
import type { NlpSupervisorEvent } from './superviseNlpWorker.js';

/** Logs what the text-analysis worker's supervisor did; while the worker is down, search matches names as written. */
export function logNlpEvent(logger: Logger, event: NlpSupervisorEvent): void {
  switch (event.type) {
    case 'started':
      logger.info(
        { pid: event.pid, tookMs: event.tookMs, restarts: event.restarts },
        `the text-analysis worker is running (${event.tookMs} ms)`,
      );
      return;
    case 'exited':
      logger.error(
        { code: event.code, signal: event.signal, attempt: event.attempt, delayMs: event.delayMs },
        `the text-analysis worker exited unexpectedly; restart attempt ${event.attempt} in ${event.delayMs} ms (search matches names as written meanwhile)`,
      );
      return;
    case 'startFailed':
      logger.error(
        { err: event.error, attempt: event.attempt, delayMs: event.delayMs },
        `starting the text-analysis worker failed (${event.error.message}); attempt ${event.attempt} in ${event.delayMs} ms`,
      );
      return;
    case 'gaveUp':
      logger.error(
        { attempts: event.attempts },
        `the text-analysis worker will not be restarted (${event.reason}); search matches names as written`,
      );
      return;
    default:
      assertNever(event);
  }
}

import type { Logger } from 'pino';
import { assertNever } from '../domain/assertNever.js';
import type { Neo4jExit } from './startEmbeddedNeo4j.js';
import type { Neo4jSupervisorEvent } from './superviseEmbeddedNeo4j.js';

/** Logs what the supervisor did, and why: how the JVM ended, the attempt, the delay before the next one. */
export function logSupervisorEvent(logger: Logger, event: Neo4jSupervisorEvent): void {
  switch (event.type) {
    case 'exited':
      logger.error(
        { exit: event.exit, attempt: event.attempt, delayMs: event.delayMs },
        `the embedded Neo4j exited unexpectedly (${describeExit(event.exit)}); restart attempt ${event.attempt} in ${event.delayMs} ms`,
      );
      return;
    case 'restartFailed':
      logger.error(
        { err: event.error, attempt: event.attempt, delayMs: event.delayMs },
        `restarting the embedded Neo4j failed (${event.error.message}); restart attempt ${event.attempt} in ${event.delayMs} ms`,
      );
      return;
    case 'restarted':
      logger.warn(
        { attempt: event.attempt, pid: event.pid, tookMs: event.tookMs },
        `the embedded Neo4j is running again (restart attempt ${event.attempt}, ${event.tookMs} ms)`,
      );
      return;
    case 'gaveUp':
      logger.fatal(
        { exit: event.exit, err: event.error, attempts: event.attempts },
        `the embedded Neo4j is down and will not be restarted (gave up after ${event.attempts} attempts${event.error ? `: ${event.error.message}` : event.exit ? `: ${describeExit(event.exit)}` : ''}); /health answers 503 until this process is restarted`,
      );
      return;
    default:
      assertNever(event);
  }
}

function describeExit(exit: Neo4jExit): string {
  return exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`;
}

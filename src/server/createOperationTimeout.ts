import type { ServerResponse } from 'node:http';
import { operationTimedOut, writeMayHaveCommitted } from '../errors.js';
import type { WriteDeadline } from '../neo4j/createWriteDeadline.js';
import { sendHttpError } from './sendHttpError.js';

/**
 * Returns a function that arms a response: with no answer after `timeoutMs`, it answers HTTP 504
 * OPERATION_TIMEOUT and expires the request's write deadline, so no write of the operation commits after the
 * client was told it timed out. A write that committed, or whose COMMIT was already sent, cannot be stopped: the
 * answer then says so and names its changes (`extensions.changeId`, `changeIds`). The Neo4j transactions of the
 * request carry the same timeout, so the database stops working on it too.
 */
export function createOperationTimeout({
  timeoutMs,
}: {
  timeoutMs: number;
}): (response: ServerResponse, deadline?: WriteDeadline) => void {
  return (response, deadline) => {
    const timer = setTimeout(() => {
      if (response.headersSent) return;
      const written = deadline?.expire() ?? [];
      const changeIds = written.filter((id) => id !== null);
      sendHttpError(
        response,
        written.length > 0 ? writeMayHaveCommitted(timeoutMs, changeIds) : operationTimedOut(timeoutMs),
      );
    }, timeoutMs);
    const clear = () => clearTimeout(timer);
    response.once('finish', clear);
    response.once('close', clear);
  };
}

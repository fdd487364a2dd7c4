import type { ServerResponse } from 'node:http';
import { operationTimedOut } from '../errors.js';
import { sendHttpError } from './sendHttpError.js';

/**
 * Returns a function that arms a response: with no answer after `timeoutMs`, it answers HTTP 504
 * OPERATION_TIMEOUT. The Neo4j transactions of the request carry the same timeout, so the database stops working
 * on it too.
 */
export function createOperationTimeout({ timeoutMs }: { timeoutMs: number }): (response: ServerResponse) => void {
  return (response) => {
    const timer = setTimeout(() => sendHttpError(response, operationTimedOut(timeoutMs)), timeoutMs);
    const clear = () => clearTimeout(timer);
    response.once('finish', clear);
    response.once('close', clear);
  };
}

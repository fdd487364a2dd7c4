import type { RequestHandler } from 'express';
import { operationTimedOut } from '../errors.js';

/**
 * Answers HTTP 504 OPERATION_TIMEOUT when a request has no response after `timeoutMs`. The Neo4j transactions of
 * the request carry the same timeout, so the database stops working on it too.
 */
export function createOperationTimeout({ timeoutMs }: { timeoutMs: number }): RequestHandler {
  return (_request, response, next) => {
    const timer = setTimeout(() => {
      if (response.headersSent) return;
      const error = operationTimedOut(timeoutMs);
      response.status(504).json({ errors: [{ message: error.message, extensions: { code: error.extensions.code } }] });
    }, timeoutMs);
    const clear = () => clearTimeout(timer);
    response.once('finish', clear);
    response.once('close', clear);
    next();
  };
}

import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** The header that carries a request's id, in both directions. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** What a caller (or its proxy) may send as an id: short, and harmless in a log line or a header. */
const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const storage = new AsyncLocalStorage<string>();

/**
 * The id of a request: the incoming `x-request-id` when it is sane (so that a proxy's id ties its logs to ours),
 * otherwise a fresh UUID. Clients get it back in the `x-request-id` header and on masked errors.
 */
export function requestIdOf(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && SANE_ID.test(value) ? value : randomUUID();
}

/** Runs `work` so that `currentRequestId()` answers `requestId` anywhere below it, such as in Apollo's formatError. */
export function withRequestId<T>(requestId: string, work: () => T): T {
  return storage.run(requestId, work);
}

/** The id of the request being served, or undefined outside one. */
export function currentRequestId(): string | undefined {
  return storage.getStore();
}

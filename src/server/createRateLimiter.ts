import type { IncomingMessage } from 'node:http';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Principal } from '../auth/Principal.js';
import { rateLimited } from '../errors.js';
import { clientAddress } from './clientAddress.js';

/** `points` requests per `durationSeconds`, per caller. */
export interface RateAllowance {
  points: number;
  durationSeconds: number;
}

export interface RateLimitOptions {
  /** Callers without a token, or whose token failed, counted per client address. */
  anonymous: RateAllowance;
  /** Callers with a valid API key or JWT, counted per principal wherever they call from. */
  keyed: RateAllowance;
  /** Reverse proxies in front of the server that append to `X-Forwarded-For` (see clientAddress). Default 0. */
  trustedProxies?: number;
  /** Told of every refused request, for metrics. */
  onRefused?: (caller: RateLimitedCaller) => void;
}

export type RateLimitedCaller = 'anonymous' | 'keyed';

/** Per-client request allowances, kept in this process's memory (each process of a fleet counts on its own). */
export interface RateLimiter {
  /**
   * Counts one request: under `principal` when its token verified, else under the client address. Throws
   * RATE_LIMITED (HTTP 429, `Retry-After`) once the caller's allowance for the current window is spent.
   */
  consume(request: IncomingMessage, principal: Principal | null): Promise<void>;
}

export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const anonymous = new RateLimiterMemory({
    keyPrefix: 'anonymous',
    points: options.anonymous.points,
    duration: options.anonymous.durationSeconds,
  });
  const keyed = new RateLimiterMemory({
    keyPrefix: 'keyed',
    points: options.keyed.points,
    duration: options.keyed.durationSeconds,
  });
  const trustedProxies = options.trustedProxies ?? 0;
  return {
    async consume(request, principal) {
      const caller: RateLimitedCaller = principal ? 'keyed' : 'anonymous';
      try {
        if (principal) await keyed.consume(principal.actor);
        else await anonymous.consume(clientAddress(request, trustedProxies));
      } catch (refusal) {
        // The memory store rejects with the caller's state when the allowance is spent, never with an Error.
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        options.onRefused?.(caller);
        throw rateLimited(Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)));
      }
    },
  };
}

import { createHash } from 'node:crypto';

/**
 * The stored form of an API key: SHA-256, hex. Keys carry 256 random bits, so a fast hash cannot be brute-forced
 * and a slow password hash would only slow every request down.
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

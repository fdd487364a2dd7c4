import { randomBytes } from 'node:crypto';
import { hashApiKey } from './hashApiKey.js';

/** Every API key starts with this, so it is recognizable in logs and secret scanners and told apart from JWTs. */
export const API_KEY_PREFIX = 'cgk_';

/** A new API key (shown once, never stored) and its hash (stored). */
export function generateApiKey(): { key: string; hash: string } {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { key, hash: hashApiKey(key) };
}

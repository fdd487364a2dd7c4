import { unauthenticated } from '../errors.js';
import type { Database } from '../neo4j/Database.js';
import { findApiKeyByHash } from '../repositories/findApiKeyByHash.js';
import type { JwtVerifier } from './createJwtVerifier.js';
import { API_KEY_PREFIX } from './generateApiKey.js';
import { hashApiKey } from './hashApiKey.js';
import type { Principal } from './Principal.js';
import { isRole } from './Role.js';

export interface AuthenticatorOptions {
  /** Where API keys are looked up. */
  db: Database;
  /** Null: JWTs are refused. */
  verifyJwt: JwtVerifier | null;
  /** How long a verified API key is trusted without asking Neo4j again; revocation takes effect after at most this. */
  keyCacheMs?: number;
}

/**
 * Turns an `Authorization` header into a principal: null without a header; UNAUTHENTICATED for any header that
 * does not carry a valid, unrevoked API key (`cgk_…`) or a valid JWT, whatever the operation.
 */
export type Authenticator = (authorization: string | undefined) => Promise<Principal | null>;

const MAX_CACHED_KEYS = 1_000;

export function createAuthenticator({ db, verifyJwt, keyCacheMs = 30_000 }: AuthenticatorOptions): Authenticator {
  const cache = new Map<string, { principal: Principal; until: number }>();

  const verifyApiKey = async (key: string): Promise<Principal> => {
    const hash = hashApiKey(key);
    const cached = cache.get(hash);
    if (cached && cached.until > Date.now()) return cached.principal;
    const record = await findApiKeyByHash(db, hash);
    if (!record || record.revoked || !isRole(record.role)) throw unauthenticated('This API key is unknown or revoked.');
    const principal: Principal = { actor: `key:${record.name}`, role: record.role, via: 'apiKey' };
    if (cache.size >= MAX_CACHED_KEYS) cache.clear();
    cache.set(hash, { principal, until: Date.now() + keyCacheMs });
    return principal;
  };

  return async (authorization) => {
    if (authorization === undefined || authorization === '') return null;
    const match = /^Bearer +([^\s]+) *$/i.exec(authorization);
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".');
    const token = match[1]!;
    if (token.startsWith(API_KEY_PREFIX)) return verifyApiKey(token);
    if (token.split('.').length === 3) {
      if (!verifyJwt) throw unauthenticated('This server accepts API keys only, not JWTs.');
      return verifyJwt(token);
    }
    throw unauthenticated('The bearer token is neither an API key (cgk_…) nor a JWT.');
  };
}

import { createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from 'jose';
import { unauthenticated } from '../errors.js';
import type { Principal } from './Principal.js';
import { isRole, ROLES, type Role } from './Role.js';

export interface JwtVerifierOptions {
  /** Shared secret for HS256/HS384/HS512 tokens. */
  secret?: string | undefined;
  /** JWKS document for asymmetric tokens (RS*, PS*, ES*, EdDSA); fetched and cached by `jose`. */
  jwksUrl?: string | undefined;
  issuer?: string | undefined;
  audience?: string | undefined;
  /** The claim naming the role: a string or an array of strings; the strongest known role wins. */
  roleClaim?: string;
  /**
   * Longest a token may live, in seconds: `exp` minus `iat` (or minus now, when `iat` is absent or in the future).
   * A leaked token is only good until it expires, so that has to be soon. Default 86,400 (a day).
   */
  maxLifetimeS?: number;
}

export const DEFAULT_JWT_MAX_LIFETIME_S = 86_400;

/** Verifies a JWT and names its principal; rejects with UNAUTHENTICATED saying why. */
export type JwtVerifier = (token: string) => Promise<Principal>;

const HMAC = ['HS256', 'HS384', 'HS512'];
const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/**
 * A verifier over the configured secret and/or JWKS, or null when neither is configured (then JWTs are refused).
 * `exp` is required and may lie at most `maxLifetimeS` after issue, so that no token is good forever; `exp`, `nbf`,
 * and when configured `iss` and `aud` are checked by `jose`; `alg: none` is never accepted.
 */
export function createJwtVerifier({
  secret,
  jwksUrl,
  issuer,
  audience,
  roleClaim = 'role',
  maxLifetimeS = DEFAULT_JWT_MAX_LIFETIME_S,
}: JwtVerifierOptions): JwtVerifier | null {
  if (!secret && !jwksUrl) return null;
  const secretKey = secret ? new TextEncoder().encode(secret) : null;
  const jwks = jwksUrl ? createRemoteJWKSet(new URL(jwksUrl)) : null;
  const claims = { ...(issuer ? { issuer } : {}), ...(audience ? { audience } : {}), requiredClaims: ['exp'] };

  return async (token) => {
    let payload: JWTPayload;
    try {
      const { alg } = decodeProtectedHeader(token);
      if (alg && HMAC.includes(alg)) {
        if (!secretKey)
          throw unauthenticated('This token is signed with a shared secret, which this server does not accept.');
        ({ payload } = await jwtVerify(token, secretKey, { ...claims, algorithms: HMAC }));
      } else {
        if (!jwks)
          throw unauthenticated(
            `This token is signed with ${alg ?? 'no algorithm'}, which this server does not accept.`,
          );
        ({ payload } = await jwtVerify(token, jwks, { ...claims, algorithms: ASYMMETRIC }));
      }
    } catch (error) {
      throw toUnauthenticated(error);
    }
    if (typeof payload.sub !== 'string' || payload.sub === '')
      throw unauthenticated('The token has no "sub" claim naming who sent it.');
    const lifetimeS = lifetimeOf(payload);
    if (lifetimeS > maxLifetimeS) {
      throw unauthenticated(
        `The token is valid for ${lifetimeS} s, longer than this server accepts (${maxLifetimeS} s): get a shorter-lived one.`,
      );
    }
    return { actor: `jwt:${payload.sub}`, role: strongestRole(payload[roleClaim]), via: 'jwt' };
  };
}

/** Seconds from issue (or from now, when `iat` is absent or claims a future issue) to expiry; `exp` is verified present. */
function lifetimeOf(payload: JWTPayload): number {
  const now = Math.floor(Date.now() / 1000);
  const issuedAt = typeof payload.iat === 'number' ? Math.min(payload.iat, now) : now;
  return Math.ceil((payload.exp ?? now) - issuedAt);
}

function strongestRole(claim: unknown): Role | null {
  const values = Array.isArray(claim) ? claim : [claim];
  const roles = values.filter(isRole);
  if (roles.length === 0) return null;
  return roles.reduce((best, role) => (ROLES.indexOf(role) > ROLES.indexOf(best) ? role : best));
}

function toUnauthenticated(error: unknown): Error {
  if (error instanceof errors.JWTExpired) return unauthenticated('The token has expired: get a new one.');
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'exp' && error.reason === 'missing') {
    return unauthenticated('The token has no "exp" claim: this server accepts only tokens that expire.');
  }
  if (error instanceof errors.JWTClaimValidationFailed)
    return unauthenticated(`The token's "${error.claim}" claim is not accepted: ${error.reason}.`);
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return unauthenticated('The token signature does not verify.');
  if (error instanceof errors.JOSEAlgNotAllowed)
    return unauthenticated('The token is signed with an algorithm this server does not accept.');
  if (error instanceof errors.JWKSNoMatchingKey)
    return unauthenticated('The token is signed with a key this server does not know.');
  if (error instanceof errors.JOSEError) return unauthenticated('The token is not a valid JWT.');
  if (error instanceof TypeError) return unauthenticated('The token is not a valid JWT.');
  return error instanceof Error ? error : new Error(String(error));
}

import http from 'node:http';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJwtVerifier, type JwtVerifier } from '../../src/auth/createJwtVerifier.js';

describe('createJwtVerifier', () => {
  let jwks: http.Server;
  let verify: JwtVerifier;
  let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'test', alg: 'ES256', use: 'sig' };
    jwks = http.createServer((_, response) => response.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const { port } = jwks.address() as { port: number };
    verify = createJwtVerifier({ jwksUrl: `http://127.0.0.1:${port}/jwks.json`, issuer: 'https://issuer.example', audience: 'coopgraph', roleClaim: 'https://coopgraph/roles' })!;
  });
  afterAll(() => new Promise<void>((resolve) => jwks.close(() => resolve())));

  const sign = (claims: Record<string, unknown>, { issuer = 'https://issuer.example', audience = 'coopgraph' } = {}) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'test' }).setSubject('reporter-7').setIssuer(issuer).setAudience(audience).setExpirationTime('5m').sign(privateKey);

  it('accepts a token signed by a key of the JWKS and takes the strongest role from the configured claim', async () => {
    expect(await verify(await sign({ 'https://coopgraph/roles': ['reader', 'admin'] }))).toEqual({ actor: 'jwt:reporter-7', role: 'admin', via: 'jwt' });
  });

  it('gives a token without a known role no role, so it can read but not write', async () => {
    expect((await verify(await sign({ 'https://coopgraph/roles': 'owner' }))).role).toBeNull();
  });

  it('refuses a token for another audience or issuer with UNAUTHENTICATED', async () => {
    await expect(verify(await sign({}, { audience: 'other-api' }))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    await expect(verify(await sign({}, { issuer: 'https://evil.example' }))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses an HS256 token when only a JWKS is configured', async () => {
    const token = await new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setSubject('x').sign(new TextEncoder().encode('x'.repeat(32)));
    await expect(verify(token)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('is absent when neither a secret nor a JWKS URL is configured', () => {
    expect(createJwtVerifier({})).toBeNull();
  });
});

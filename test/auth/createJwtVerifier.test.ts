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
    jwks = http.createServer((_, response) =>
      response.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })),
    );
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const { port } = jwks.address() as { port: number };
    verify = createJwtVerifier({
      jwksUrl: `http://127.0.0.1:${port}/jwks.json`,
      issuer: 'https://issuer.example',
      audience: 'coopgraph',
      roleClaim: 'https://coopgraph/roles',
    })!;
  });
  afterAll(() => new Promise<void>((resolve) => jwks.close(() => resolve())));

  const sign = (claims: Record<string, unknown>, { issuer = 'https://issuer.example', audience = 'coopgraph' } = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: 'test' })
      .setSubject('reporter-7')
      .setIssuer(issuer)
      .setAudience(audience)
      .setExpirationTime('5m')
      .sign(privateKey);

  it('accepts a token signed by a key of the JWKS and takes the strongest role from the configured claim', async () => {
    expect(await verify(await sign({ 'https://coopgraph/roles': ['reader', 'admin'] }))).toEqual({
      actor: 'jwt:reporter-7',
      role: 'admin',
      via: 'jwt',
    });
  });

  it('gives a token without a known role no role, so it can read but not write', async () => {
    expect((await verify(await sign({ 'https://coopgraph/roles': 'owner' }))).role).toBeNull();
  });

  it('refuses a token for another audience or issuer with UNAUTHENTICATED', async () => {
    await expect(verify(await sign({}, { audience: 'other-api' }))).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
    await expect(verify(await sign({}, { issuer: 'https://evil.example' }))).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('refuses an HS256 token when only a JWKS is configured', async () => {
    const token = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .sign(new TextEncoder().encode('x'.repeat(32)));
    await expect(verify(token)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('is absent when neither a secret nor a JWKS URL is configured', () => {
    expect(createJwtVerifier({})).toBeNull();
  });

  describe('expiry', () => {
    const secret = 'expiry-secret-expiry-secret-expiry-secret-0123';
    const key = new TextEncoder().encode(secret);
    const now = () => Math.floor(Date.now() / 1000);
    const hs256 = (configure: (jwt: SignJWT) => SignJWT) =>
      configure(new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setSubject('s')).sign(key);
    const verifyHs = createJwtVerifier({ secret })!;

    it('accepts a token that expires within a day of its issue', async () => {
      expect((await verifyHs(await hs256((jwt) => jwt.setIssuedAt().setExpirationTime('23h')))).role).toBe('admin');
    });

    it('refuses a token without "exp" with UNAUTHENTICATED saying so', async () => {
      const failure = verifyHs(await hs256((jwt) => jwt.setIssuedAt()));
      await expect(failure).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
      await expect(failure).rejects.toThrow(/no "exp" claim/);
    });

    it.each([
      ['"exp" a year away, no "iat"', (jwt: SignJWT) => jwt.setExpirationTime('365d')],
      [
        '"iat" two days ago, "exp" in an hour',
        (jwt: SignJWT) => jwt.setIssuedAt(now() - 2 * 86_400).setExpirationTime(now() + 3_600),
      ],
      [
        '"iat" a minute before a far "exp" (a claimed future issue)',
        (jwt: SignJWT) => jwt.setIssuedAt(now() + 30 * 86_400 - 60).setExpirationTime(now() + 30 * 86_400),
      ],
    ])('refuses a token that lives longer than the limit: %s', async (_case, configure) => {
      const failure = verifyHs(await hs256(configure));
      await expect(failure).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
      await expect(failure).rejects.toThrow(/longer than this server accepts \(86400 s\)/);
    });

    it('refuses an "exp" that is not a number', async () => {
      const token = await new SignJWT({ role: 'admin', exp: 'never' as unknown as number })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('s')
        .sign(key);
      await expect(verifyHs(token)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    });

    it('takes a configured maximum lifetime', async () => {
      const strict = createJwtVerifier({ secret, maxLifetimeS: 60 })!;
      await expect(strict(await hs256((jwt) => jwt.setIssuedAt().setExpirationTime('5m')))).rejects.toThrow(/\(60 s\)/);
      expect((await strict(await hs256((jwt) => jwt.setIssuedAt().setExpirationTime('1m')))).actor).toBe('jwt:s');
    });
  });
});

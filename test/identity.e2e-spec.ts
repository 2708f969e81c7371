import { generateKeyPair, SignJWT, decodeJwt, decodeProtectedHeader } from 'jose';
import {
  DEV_CLI_CLIENT,
  DEV_SERVICE_CLIENT,
  devClients,
  DevIdentityServer,
  SIGN_IN_FAILURES_ALLOWED,
} from '#dev-identity';
import { aMember } from '../apps/membership/test/builders.js';
import { clientCredentialsToken, configurationFor, passwordSignIn } from '#platform';
import {
  freePort,
  runScriptProcess,
  serviceTestEnv,
  startServiceProcess,
  uniqueName,
  waitFor,
  type ServiceProcess,
} from '#testing';

const PASSWORD = 'identity-test-password';
const AUDIENCE = 'cancer-network';

/**
 * Sign-in as the platform does it: a real OpenID Connect server (the development identity
 * server) and a service running as its own process that trusts only that issuer's published
 * keys. No shared secret anywhere.
 */
describe('tokens from the identity provider (real OpenID Connect server, service as a process)', () => {
  let idp: DevIdentityServer;
  let issuer: string;
  let membership: ServiceProcess;
  const run = uniqueName('idp');

  const signIn = (email: string) =>
    passwordSignIn({
      issuer,
      clientId: DEV_CLI_CLIENT.id,
      redirectUri: DEV_CLI_CLIENT.redirectUri,
      email,
      password: PASSWORD,
    });

  const call = (token: string) =>
    fetch(`${membership.url}/alliances`, { headers: { authorization: `Bearer ${token}` } });

  async function refusal(token: string): Promise<{ status: number; detail: string }> {
    const response = await call(token);
    const body = (await response.json()) as { detail?: string; message?: string };
    return { status: response.status, detail: body.detail ?? body.message ?? '' };
  }

  beforeAll(async () => {
    const port = await freePort();
    issuer = `http://127.0.0.1:${port}`;
    idp = new DevIdentityServer({
      issuer,
      port,
      audience: AUDIENCE,
      password: PASSWORD,
      clients: devClients({}),
    });
    await idp.start();
    const { AUTH_JWT_SECRET: _none, ...env } = serviceTestEnv('membership', {
      schema: `${run}_membership`,
      secret: 'unused-because-an-issuer-is-set-0123456789',
    });
    membership = await startServiceProcess('membership', {
      ...env,
      MIGRATE_ON_BOOT: 'true',
      AUTH_ISSUER: issuer,
      AUTH_AUDIENCE: AUDIENCE,
      // Keys are fetched again after 300 ms, so a retired key is refused within the test.
      AUTH_JWKS_CACHE_MAX_AGE_MS: '300',
      AUTH_JWKS_COOLDOWN_MS: '0',
    });
  });

  afterAll(async () => {
    await membership?.stop();
    await idp?.stop();
  });

  it('signs a person in by the authorization code flow with PKCE, and a service accepts the token', async () => {
    const signedIn = await signIn('admin@example.org');
    const claims = decodeJwt(signedIn.accessToken);
    expect(decodeProtectedHeader(signedIn.accessToken).alg).toBe('RS256');
    expect(claims).toMatchObject({
      iss: issuer,
      aud: AUDIENCE,
      email: 'admin@example.org',
      roles: ['admin', 'clinician'],
    });
    expect(signedIn.refreshToken).toEqual(expect.any(String));
    const response = await call(signedIn.accessToken);
    expect(response.status).toBe(200);
  });

  it('gives a machine client the service role by client credentials', async () => {
    const token = await clientCredentialsToken({
      issuer,
      clientId: DEV_SERVICE_CLIENT.id,
      clientSecret: DEV_SERVICE_CLIENT.secret,
    });
    expect(decodeJwt(token)).toMatchObject({ sub: DEV_SERVICE_CLIENT.id, roles: ['service'] });
    expect((await call(token)).status).toBe(200);
  });

  it('reads the provider from a discovery URL of its own, and refuses one naming another issuer', async () => {
    // As a container reaches its provider by a service name while tokens carry the public URL.
    const discoveryUrl = `${issuer.replace('127.0.0.1', 'localhost')}/.well-known/openid-configuration`;
    const configuration = await configurationFor(
      issuer,
      DEV_SERVICE_CLIENT.id,
      DEV_SERVICE_CLIENT.secret,
      discoveryUrl,
    );
    expect(configuration.serverMetadata().issuer).toBe(issuer);
    await expect(
      configurationFor(
        'https://login.example.org',
        DEV_SERVICE_CLIENT.id,
        DEV_SERVICE_CLIENT.secret,
        discoveryUrl,
      ),
    ).rejects.toThrow(`names the issuer ${issuer}, not https://login.example.org`);
  });

  it('refuses a wrong password at the sign-in page and an address that is no account', async () => {
    await expect(
      passwordSignIn({
        issuer,
        clientId: DEV_CLI_CLIENT.id,
        redirectUri: DEV_CLI_CLIENT.redirectUri,
        email: 'admin@example.org',
        password: 'guess',
      }),
    ).rejects.toThrow(/401/);
    await expect(signIn('someone@elsewhere.example')).rejects.toThrow(/401/);
  });

  it('stops answering for an address after a handful of wrong passwords, even the right one', async () => {
    const attempt = (password: string) =>
      passwordSignIn({
        issuer,
        clientId: DEV_CLI_CLIENT.id,
        redirectUri: DEV_CLI_CLIENT.redirectUri,
        email: 'locked.out@example.org',
        password,
      });
    for (let failure = 0; failure < SIGN_IN_FAILURES_ALLOWED; failure += 1) {
      await expect(attempt('guess')).rejects.toThrow(/401/);
    }
    await expect(attempt(PASSWORD)).rejects.toThrow(/429/);
    // Another address is not held back by it.
    await expect(signIn('not.locked@example.org')).resolves.toMatchObject({
      accessToken: expect.any(String),
    });
  });

  it('refuses every kind of bad token with 401 naming the reason', async () => {
    const now = Math.floor(Date.now() / 1000);
    const good = {
      iss: issuer,
      aud: AUDIENCE,
      sub: 'someone',
      roles: ['admin'],
      iat: now,
      exp: now + 300,
    };
    const { privateKey } = await generateKeyPair('RS256');
    const foreignKey = await new SignJWT(good)
      .setProtectedHeader({ alg: 'RS256', kid: 'not-published' })
      .sign(privateKey);
    const hs256 = await new SignJWT(good)
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('a-shared-secret-anyone-could-have-0123'));
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${Buffer.from(JSON.stringify(good)).toString('base64url')}.`;
    const { exp: _exp, ...withoutExp } = good;

    const cases: [string, string, RegExp][] = [
      [
        'signed by a key the issuer does not publish',
        foreignKey,
        /key the issuer does not publish/,
      ],
      ['HS256', hs256, /algorithm not accepted/],
      ['alg none', unsigned, /algorithm not accepted|Malformed token/],
      [
        'expired',
        await idp.signWithCurrentKey({ ...good, iat: now - 600, exp: now - 300 }),
        /Token expired/,
      ],
      ['without exp', await idp.signWithCurrentKey(withoutExp), /Token without exp/],
      [
        'issued a year ahead',
        await idp.signWithCurrentKey({ ...good, iat: now + 365 * 86_400, exp: now + 366 * 86_400 }),
        /issued in the future/,
      ],
      [
        'for another audience',
        await idp.signWithCurrentKey({ ...good, aud: 'another-api' }),
        /another audience/,
      ],
      [
        'from another issuer',
        await idp.signWithCurrentKey({ ...good, iss: 'https://login.example.net/' }),
        /another issuer/,
      ],
    ];
    for (const [what, token, reason] of cases) {
      const answer = await refusal(token);
      expect({ what, ...answer }).toEqual({
        what,
        status: 401,
        detail: expect.stringMatching(reason),
      });
    }
    expect((await idp.signWithCurrentKey(good).then(call)).status).toBe(200);
  });

  it("links a member's first sign-in by verified e-mail, and refuses an account linked to no member", async () => {
    const admin = (await signIn('admin@example.org')).accessToken;
    const email = `linked.${run.slice(-6)}@example.org`;
    const registered = await fetch(`${membership.url}/members`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify(aMember({ email, name: 'Dr Linked Member' })),
    });
    expect(registered.status).toBe(201);
    const { id: memberId } = (await registered.json()) as { id: string };

    const clinician = (await signIn(email)).accessToken;
    const me = (token: string) =>
      fetch(`${membership.url}/me`, { headers: { authorization: `Bearer ${token}` } });
    const first = await me(clinician);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({
      member: { id: memberId, email },
      linkedBy: 'verified-email',
      linkedNow: true,
    });
    expect(await (await me(clinician)).json()).toMatchObject({ linkedNow: false });
    expect((await call(clinician)).status).toBe(200);

    const identities = await fetch(`${membership.url}/members/${memberId}/identities`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(await identities.json()).toEqual([
      expect.objectContaining({
        issuer,
        subject: decodeJwt(clinician).sub,
        linkedBy: 'verified-email',
      }),
    ]);

    // An account with no member record: GET /me says how to get linked; other routes refuse.
    const stranger = (await signIn(`no.member.${run.slice(-6)}@example.org`)).accessToken;
    const unlinked = await me(stranger);
    expect(unlinked.status).toBe(403);
    expect(((await unlinked.json()) as { message: string }).message).toMatch(
      /No member is registered with .* Ask an admin/,
    );
    const elsewhere = await call(stranger);
    expect(elsewhere.status).toBe(403);
    expect(((await elsewhere.json()) as { message: string }).message).toMatch(
      /not linked to a member yet: .*POST \/members\/\{id\}\/identities/,
    );
  });

  it('accepts a rotated key without a restart, refuses a retired one, and keeps known keys while the provider is down', async () => {
    const before = (await signIn('admin@example.org')).accessToken;
    const oldKid = decodeProtectedHeader(before).kid;
    const newKid = await idp.rotateKeys();
    const after = (await signIn('admin@example.org')).accessToken;
    expect(decodeProtectedHeader(after).kid).toBe(newKid);
    expect(newKid).not.toBe(oldKid);
    expect((await call(after)).status).toBe(200);
    expect((await call(before)).status).toBe(200); // still published

    expect(idp.retireOldKeys()).toEqual([oldKid]);
    await waitFor(
      'the retired key to be refused',
      async () => (await call(before)).status === 401,
      {
        timeoutMs: 10_000,
        intervalMs: 100,
      },
    );
    expect((await refusal(before)).detail).toMatch(/key the issuer does not publish/);
    expect((await call(after)).status).toBe(200);

    await idp.stop();
    await new Promise((resolve) => setTimeout(resolve, 400)); // past the cache age
    expect((await call(after)).status).toBe(200);
    const { privateKey } = await generateKeyPair('RS256');
    const now = Math.floor(Date.now() / 1000);
    const unknownKey = await new SignJWT({
      iss: issuer,
      aud: AUDIENCE,
      sub: 'x',
      iat: now,
      exp: now + 60,
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'new-while-down' })
      .sign(privateKey);
    expect((await call(unknownKey)).status).toBe(503);
  });
});

describe('production safety', () => {
  const base = (run: string) => {
    const {
      AUTH_JWT_SECRET: _none,
      NODE_ENV: _env,
      ...env
    } = serviceTestEnv('membership', {
      schema: `${run}_membership`,
      secret: 'x'.repeat(40),
    });
    return env;
  };

  it('a service with NODE_ENV=production and no issuer exits saying what to set', async () => {
    await expect(
      runScriptProcess('apps/membership/src/main.ts', {
        ...base(uniqueName('prod')),
        NODE_ENV: 'production',
      }),
    ).rejects.toThrow(/AUTH_ISSUER: required/);
  });

  it('a service refuses a shared key anywhere but in tests', async () => {
    await expect(
      runScriptProcess('apps/membership/src/main.ts', {
        ...base(uniqueName('prod')),
        NODE_ENV: 'production',
        AUTH_JWT_SECRET: 'x'.repeat(40),
      }),
    ).rejects.toThrow(/shared-key tokens are for tests only/);
  });
});

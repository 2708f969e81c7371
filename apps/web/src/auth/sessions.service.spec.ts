import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { loadConfig } from '#platform';
import { webConfigSchema } from '../config.js';
import type { OidcService, Tokens } from './oidc.service.js';
import { CookieSeal, SESSION_COOKIE, type Session } from './session.js';
import { SessionsService } from './sessions.service.js';

const key = randomBytes(32).toString('base64');
const config = loadConfig(webConfigSchema, {
  NODE_ENV: 'test',
  SESSION_KEY: key,
  WEB_BASE_URL: 'https://web.example.org',
  AUTH_ISSUER: 'https://identity.example.org',
  WEB_CLIENT_SECRET: 'secret',
  AUTH_ROLES_CLAIM: 'realm_access.roles',
  AUTH_ROLE_MAP: JSON.stringify({ 'CancerNetwork.Admin': 'admin' }),
});
const now = () => Math.floor(Date.now() / 1000);

function sessionExpiring(at: number, refreshToken?: string): Session {
  return {
    sub: 's',
    name: 'Dr Chair',
    roles: ['clinician'],
    accessToken: 'old',
    ...(refreshToken && { refreshToken }),
    expiresAt: at,
    csrf: 'c',
  };
}

async function requestWith(session: Session): Promise<Request> {
  const sealed = await new CookieSeal(key).seal(session, 3600);
  return { cookies: { [SESSION_COOKIE]: sealed } } as unknown as Request;
}

function recordingResponse(): Response & { set: string[] } {
  const set: string[] = [];
  return { set, cookie: (name: string) => set.push(name) } as unknown as Response & {
    set: string[];
  };
}

describe('the session cookie', () => {
  it('gives a live session as it is, and refreshes one about to expire, rewriting the cookie', async () => {
    const refreshed: Tokens = { accessToken: 'new', refreshToken: 'r2', expiresAt: now() + 300 };
    const oidc = { refresh: () => Promise.resolve(refreshed) } as unknown as OidcService;
    const sessions = new SessionsService(config, oidc);

    const live = await sessions.current(
      await requestWith(sessionExpiring(now() + 600)),
      recordingResponse(),
    );
    expect(live?.accessToken).toBe('old');

    const response = recordingResponse();
    const renewed = await sessions.current(
      await requestWith(sessionExpiring(now() + 5, 'r1')),
      response,
    );
    expect(renewed).toMatchObject({ accessToken: 'new', refreshToken: 'r2', name: 'Dr Chair' });
    expect(response.set).toEqual([SESSION_COOKIE]);
  });

  it('ends a session whose token expired and cannot be refreshed, so the person signs in again', async () => {
    const oidc = {
      refresh: () => Promise.reject(new Error('invalid_grant')),
    } as unknown as OidcService;
    const sessions = new SessionsService(config, oidc);
    expect(
      await sessions.current(
        await requestWith(sessionExpiring(now() - 5, 'r1')),
        recordingResponse(),
      ),
    ).toBeUndefined();
    expect(
      await sessions.current(await requestWith(sessionExpiring(now() - 5)), recordingResponse()),
    ).toBeUndefined();
  });

  it('refuses a cookie sealed under another key, or none', async () => {
    const sessions = new SessionsService(config, {} as OidcService);
    const forged = await new CookieSeal(randomBytes(32).toString('base64')).seal(
      sessionExpiring(now() + 600),
      3600,
    );
    const request = { cookies: { [SESSION_COOKIE]: forged } } as unknown as Request;
    expect(await sessions.current(request, recordingResponse())).toBeUndefined();
    expect(
      await sessions.current({ cookies: {} } as unknown as Request, recordingResponse()),
    ).toBeUndefined();
  });

  it("reads the person's roles where the provider puts them, as the services do", async () => {
    const claims = {
      sub: 'kc-1',
      name: 'Alliance Manager',
      realm_access: { roles: ['CancerNetwork.Admin', 'offline_access'] },
    };
    const accessToken = ['{"alg":"none"}', JSON.stringify(claims), '']
      .map((part) => Buffer.from(part).toString('base64url'))
      .join('.');
    const sessions = new SessionsService(config, {} as OidcService);
    const session = await sessions.start(
      recordingResponse(),
      { accessToken, expiresAt: now() + 300 },
      undefined,
    );
    expect(session).toMatchObject({ sub: 'kc-1', name: 'Alliance Manager', roles: ['admin'] });
  });
});

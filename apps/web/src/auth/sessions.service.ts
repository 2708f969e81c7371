import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { decodeJwt } from 'jose';
import { claimAt, rolesFrom, type Role } from '#platform';
import { DEVELOPMENT_SESSION_KEY, type WebConfig } from '../config.js';
import { WEB_CONFIG } from '../web-config.js';
import { OidcService, type Tokens } from './oidc.service.js';
import {
  CookieSeal,
  newCsrfToken,
  SESSION_COOKIE,
  SIGN_IN_COOKIE,
  type PendingSignIn,
  type Session,
} from './session.js';

/** A sign-in takes at most this long from leaving for the provider to coming back. */
const SIGN_IN_SECONDS = 600;
/** A token this close to expiry is refreshed before it is used. */
const REFRESH_MARGIN_SECONDS = 30;

/** The person's session, kept sealed in a cookie: read, refreshed, written and ended here. */
@Injectable()
export class SessionsService {
  private readonly seal: CookieSeal;
  private readonly secure: boolean;
  private readonly idleSeconds: number;
  private readonly rolesClaim: string;
  private readonly roleMap: Readonly<Record<string, Role>>;

  constructor(
    @Inject(WEB_CONFIG) config: WebConfig,
    @Inject(OidcService) private readonly oidc: OidcService,
  ) {
    this.seal = new CookieSeal(config.SESSION_KEY ?? DEVELOPMENT_SESSION_KEY);
    this.secure = config.WEB_BASE_URL.startsWith('https:');
    this.idleSeconds = config.SESSION_IDLE_MINUTES * 60;
    this.rolesClaim = config.AUTH_ROLES_CLAIM;
    this.roleMap = config.AUTH_ROLE_MAP;
  }

  /**
   * The request's session with a live access token (refreshed, and the cookie rewritten, when it
   * is about to expire); undefined when there is none or it can no longer be refreshed.
   */
  async current(request: Request, response: Response): Promise<Session | undefined> {
    const session = await this.seal.open<Session>(cookieOf(request, SESSION_COOKIE));
    if (!session) {
      return undefined;
    }
    if (session.expiresAt - REFRESH_MARGIN_SECONDS > Date.now() / 1000) {
      return session;
    }
    if (!session.refreshToken) {
      return undefined;
    }
    try {
      const refreshed = { ...session, ...(await this.oidc.refresh(session.refreshToken)) };
      await this.write(response, refreshed);
      return refreshed;
    } catch {
      return undefined;
    }
  }

  /** A new session from a completed sign-in: who the person is, from the token and membership. */
  async start(response: Response, tokens: Tokens, memberId: string | undefined): Promise<Session> {
    const claims = decodeJwt(tokens.accessToken);
    const session: Session = {
      sub: String(claims.sub),
      name: typeof claims['name'] === 'string' ? claims['name'] : String(claims.sub),
      ...(memberId !== undefined && { memberId }),
      // Read as the services read them (AUTH_ROLES_CLAIM, AUTH_ROLE_MAP): only to choose what
      // to offer on a page; the services decide what the person may do.
      roles: rolesFrom(claimAt(claims, this.rolesClaim), this.roleMap),
      ...tokens,
      csrf: newCsrfToken(),
    };
    await this.write(response, session);
    return session;
  }

  async write(response: Response, session: Session): Promise<void> {
    response.cookie(SESSION_COOKIE, await this.seal.seal(session, this.idleSeconds), {
      httpOnly: true,
      // Lax, so the cookie comes along when the provider sends the person back here.
      sameSite: 'lax',
      secure: this.secure,
      path: '/',
      maxAge: this.idleSeconds * 1000,
    });
  }

  end(response: Response): void {
    response.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  async holdSignIn(response: Response, pending: PendingSignIn): Promise<void> {
    response.cookie(SIGN_IN_COOKIE, await this.seal.seal(pending, SIGN_IN_SECONDS), {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.secure,
      path: '/auth',
      maxAge: SIGN_IN_SECONDS * 1000,
    });
  }

  async takeSignIn(request: Request, response: Response): Promise<PendingSignIn | undefined> {
    response.clearCookie(SIGN_IN_COOKIE, { path: '/auth' });
    return this.seal.open<PendingSignIn>(cookieOf(request, SIGN_IN_COOKIE));
  }
}

function cookieOf(request: Request, name: string): string | undefined {
  const cookies = request.cookies as Record<string, string | undefined> | undefined;
  return cookies?.[name];
}

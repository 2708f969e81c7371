import { Controller, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiError, ServicesApi } from '../api/services-api.js';
import type { WebConfig } from '../config.js';
import { WEB_CONFIG } from '../web-config.js';
import { OidcService } from './oidc.service.js';
import { safeReturnPath } from './session.js';
import { SessionsService } from './sessions.service.js';
import { PublicPage } from './signed-in.guard.js';

/** Sign-in at the identity provider, the way back, and sign-out. */
@Controller('auth')
export class AuthController {
  constructor(
    @Inject(WEB_CONFIG) private readonly config: WebConfig,
    @Inject(OidcService) private readonly oidc: OidcService,
    @Inject(SessionsService) private readonly sessions: SessionsService,
    @Inject(ServicesApi) private readonly api: ServicesApi,
  ) {}

  @Get('sign-in')
  @PublicPage()
  async signIn(@Query('returnTo') returnTo: unknown, @Res() response: Response): Promise<void> {
    const { url, pending } = await this.oidc.signIn(safeReturnPath(returnTo));
    await this.sessions.holdSignIn(response, pending);
    response.redirect(303, url);
  }

  /** The provider sends the person back here with a code; they land where they were going. */
  @Get('callback')
  @PublicPage()
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const pending = await this.sessions.takeSignIn(request, response);
    if (!pending) {
      // A stale or replayed callback: start again.
      response.redirect(303, '/auth/sign-in');
      return;
    }
    const tokens = await this.oidc.complete(
      new URL(request.originalUrl, this.config.WEB_BASE_URL),
      pending,
    );
    const memberId = await this.memberOf(tokens.accessToken);
    await this.sessions.start(response, tokens, memberId);
    response.redirect(303, pending.returnTo);
  }

  /**
   * Public, and so without the form token: the frontend header's sign-out button is a form of
   * its own, and the worst a forged one can do is sign someone out.
   */
  @Post('sign-out')
  @PublicPage()
  @HttpCode(303)
  async signOut(@Res() response: Response): Promise<void> {
    this.sessions.end(response);
    response.redirect(303, await this.oidc.signOutUrl());
  }

  /** The member the person is: membership links them by their verified e-mail on first sign-in. */
  private async memberOf(accessToken: string): Promise<string | undefined> {
    try {
      const me = await this.api.get<{ member: { id: string } }>(
        { accessToken },
        'membership',
        '/me',
      );
      return me.member.id;
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 403)) {
        return undefined;
      }
      throw error;
    }
  }
}

import {
  type CanActivate,
  createParamDecorator,
  type ExecutionContext,
  Inject,
  Injectable,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { csrfMatches, type Session } from './session.js';
import { SessionsService } from './sessions.service.js';

const PUBLIC_PAGE = 'web:public-page';

/** A page anyone may open, signed in or not (the session is there when there is one). */
export const PublicPage = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_PAGE, true);

/** The page needs a signed-in person: the filter sends them to sign in, then back here. */
export class SignInRequired extends Error {
  constructor(readonly returnTo: string) {
    super('Sign in required');
  }
}

/** A form came without this session's token: forged, or from a page of an older session. */
export class FormTokenRefused extends Error {
  constructor() {
    super('The form did not come from this session');
  }
}

type WebRequest = Request & { webSession?: Session };

/** The signed-in person's session, as the guard found it. */
export const CurrentSession = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Session | undefined =>
    context.switchToHttp().getRequest<WebRequest>().webSession,
);

/**
 * Every page but a public one needs a session; every form (any method but GET and HEAD) must
 * carry the session's token. Runs before the handler, so a page never calls a service for
 * someone who is not signed in.
 */
@Injectable()
export class SignedInGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(SessionsService) private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<WebRequest>();
    const response = http.getResponse<Response>();
    const session = await this.sessions.current(request, response);
    if (session) {
      request.webSession = session;
      // Every page's header names who is signed in.
      response.locals['person'] = { name: session.name };
    }
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_PAGE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic === true) {
      return true;
    }
    if (!session) {
      // A form posted after the session ended goes back to the page it came from.
      throw new SignInRequired(
        request.method === 'GET' ? request.originalUrl : refererPath(request),
      );
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const body = request.body as Record<string, unknown> | undefined;
      if (!csrfMatches(session, body?.['_csrf'])) {
        throw new FormTokenRefused();
      }
    }
    return true;
  }
}

function refererPath(request: Request): string {
  try {
    const referer = new URL(request.get('referer') ?? '', 'http://local');
    return `${referer.pathname}${referer.search}`;
  } catch {
    return '/my-work';
  }
}

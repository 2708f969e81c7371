import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  Optional,
  ServiceUnavailableException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ServerResponse } from 'node:http';
import {
  ALLOW_UNLINKED_KEY,
  type AuthenticatedRequest,
  IS_PUBLIC_KEY,
  ROLES_KEY,
} from './auth.decorators.js';
import { CachedMemberResolver, MemberResolver } from './member-resolver.js';
import type { Role } from './roles.js';
import { IdentityProviderUnavailableError } from './issuer-verifier.js';
import { TokenError } from './token.js';
import { TokenVerifier } from './token-verifier.js';
import { actorOf } from './actor.js';
import { setActor } from '../logging/request-context.js';

/**
 * 401 as RFC 9457 problem details naming the reason, beside the `statusCode`/`message` fields
 * every other answer of the platform has.
 */
function unauthorized(reason: string): HttpException {
  return new HttpException(
    {
      type: 'about:blank',
      title: 'Unauthorized',
      status: HttpStatus.UNAUTHORIZED,
      detail: reason,
      statusCode: HttpStatus.UNAUTHORIZED,
      error: 'Unauthorized',
      message: reason,
    },
    HttpStatus.UNAUTHORIZED,
  );
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Every HTTP route needs a valid bearer token unless marked `@Public()`; `@Roles(...)` narrows it
 * further. Kafka and other RPC handlers pass through: their trust comes from the broker, not a JWT.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly members: CachedMemberResolver | undefined;

  constructor(
    private readonly reflector: Reflector,
    @Inject(TokenVerifier) private readonly verifier: TokenVerifier,
    @Optional() @Inject(MemberResolver) resolver?: MemberResolver,
  ) {
    this.members = resolver ? new CachedMemberResolver(resolver) : undefined;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') {
      return true;
    }
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, targets) === true) {
      return true;
    }
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const response = http.getResponse<ServerResponse>();

    const token = bearerTokenOf(request.headers['authorization']);
    if (token === undefined) {
      response.setHeader('WWW-Authenticate', 'Bearer');
      throw unauthorized('Missing bearer token');
    }
    try {
      request.user = await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof TokenError) {
        response.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
        throw unauthorized(error.message);
      }
      if (error instanceof IdentityProviderUnavailableError) {
        // Tokens signed with keys already held still pass; only new keys need the provider.
        response.setHeader('Retry-After', '30');
        throw new ServiceUnavailableException(error.message);
      }
      throw error;
    }

    const user = request.user;
    if (this.members && user.issuer !== undefined) {
      const memberId = await this.members.memberOf(user);
      if (memberId !== undefined) {
        user.memberId = memberId;
      } else if (
        isOnlyClinician(user.roles) &&
        this.reflector.getAllAndOverride<boolean | undefined>(ALLOW_UNLINKED_KEY, targets) !== true
      ) {
        throw new ForbiddenException(
          `Your account (${user.email ?? user.sub}) is not linked to a member yet: sign in once to the web app or call GET /me on the membership service to be linked by your verified e-mail address, or ask an admin to link it (POST /members/{id}/identities)`,
        );
      }
    }

    setActor(actorOf(user));

    const required = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (required !== undefined && !required.some((role) => request.user?.roles.includes(role))) {
      throw new ForbiddenException(`Requires one of roles: ${required.join(', ')}`);
    }
    return true;
  }
}

function isOnlyClinician(roles: readonly Role[]): boolean {
  return roles.includes('clinician') && !roles.includes('admin') && !roles.includes('service');
}

function bearerTokenOf(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string') {
    return undefined;
  }
  return BEARER.exec(header)?.[1];
}

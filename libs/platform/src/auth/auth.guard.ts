import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  ServiceUnavailableException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ServerResponse } from 'node:http';
import { type AuthenticatedRequest, IS_PUBLIC_KEY, ROLES_KEY } from './auth.decorators.js';
import type { Role } from './roles.js';
import { IdentityProviderUnavailableError } from './issuer-verifier.js';
import { TokenError } from './token.js';
import { TokenVerifier } from './token-verifier.js';

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
  constructor(
    private readonly reflector: Reflector,
    @Inject(TokenVerifier) private readonly verifier: TokenVerifier,
  ) {}

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

    const required = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (required !== undefined && !required.some((role) => request.user?.roles.includes(role))) {
      throw new ForbiddenException(`Requires one of roles: ${required.join(', ')}`);
    }
    return true;
  }
}

function bearerTokenOf(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string') {
    return undefined;
  }
  return BEARER.exec(header)?.[1];
}

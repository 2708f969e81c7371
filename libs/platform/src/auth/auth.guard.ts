import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ServerResponse } from 'node:http';
import { type AuthenticatedRequest, IS_PUBLIC_KEY, ROLES_KEY } from './auth.decorators.js';
import type { Role } from './roles.js';
import { TokenError, type TokenOptions, verifyToken } from './token.js';

/** Injection token of the secret, issuer and audience the guard verifies tokens with. */
export const AUTH_TOKEN_OPTIONS = Symbol('AUTH_TOKEN_OPTIONS');

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Every HTTP route needs a valid bearer token unless marked `@Public()`; `@Roles(...)` narrows it
 * further. Kafka and other RPC handlers pass through: their trust comes from the broker, not a JWT.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(AUTH_TOKEN_OPTIONS) private readonly options: TokenOptions,
  ) {}

  canActivate(context: ExecutionContext): boolean {
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
      throw new UnauthorizedException('Missing bearer token');
    }
    try {
      request.user = verifyToken(token, this.options);
    } catch (error) {
      if (error instanceof TokenError) {
        response.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
        throw new UnauthorizedException(error.message);
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

import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from './roles.js';
import type { Principal } from './token.js';

export const IS_PUBLIC_KEY = 'platform:auth:public';
export const ROLES_KEY = 'platform:auth:roles';
export const ALLOW_UNLINKED_KEY = 'platform:auth:allow-unlinked';

/** Opens a route or controller to callers without a token (health, metrics, docs). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);

/** Limits a route or controller to callers holding any of `roles`. */
export const Roles = (...roles: [Role, ...Role[]]): MethodDecorator & ClassDecorator =>
  SetMetadata(ROLES_KEY, roles);

/**
 * Lets a clinician whose account is not linked to a member yet through (the route that links
 * them on first sign-in); everywhere else such a caller gets 403 saying how to get linked.
 */
export const AllowUnlinked = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ALLOW_UNLINKED_KEY, true);

/** Request shape the guard writes the principal onto. */
export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  user?: Principal;
}

/** The authenticated caller; undefined only on `@Public()` routes. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal | undefined =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().user,
);

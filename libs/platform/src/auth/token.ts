import { JsonWebTokenError, JwtService, NotBeforeError, TokenExpiredError } from '@nestjs/jwt';
import * as z from 'zod';
import { ROLES, type Role } from './roles.js';

/** The authenticated caller, as the guard puts it on the request. */
export interface Principal {
  sub: string;
  roles: Role[];
  /** The member the caller is: linked to their identity (see MemberResolver). */
  memberId?: string;
  name?: string;
  /** The identity provider that vouched for the caller (not for shared-key test tokens). */
  issuer?: string;
  email?: string;
  emailVerified?: boolean;
}

export interface TokenOptions {
  secret: string;
  issuer: string;
  audience: string;
}

export interface MintTokenOptions
  extends TokenOptions, Omit<Principal, 'issuer' | 'email' | 'emailVerified' | 'memberId'> {
  ttlSeconds: number;
  /** The issue time; tests set it in the past to mint expired tokens. */
  now?: Date;
}

/** A token the platform does not accept; the message is safe to send back to the caller. */
export class TokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenError';
  }
}

const ALGORITHM = 'HS256';
const jwt = new JwtService();

const claimsSchema = z.object({
  sub: z.string().min(1),
  roles: z.array(z.enum(ROLES)),
  name: z.string().min(1).optional(),
});

/** Signs an HS256 token carrying the principal's claims. */
export function mintToken(options: MintTokenOptions): string {
  const { secret, issuer, audience, ttlSeconds, now, sub, roles, name } = options;
  const claims: Record<string, unknown> = { roles };
  if (name !== undefined) {
    claims['name'] = name;
  }
  if (now !== undefined) {
    // jsonwebtoken counts the expiry from iat when the payload carries one.
    claims['iat'] = Math.floor(now.getTime() / 1000);
  }
  return jwt.sign(claims, {
    secret,
    algorithm: ALGORITHM,
    subject: sub,
    issuer,
    audience,
    expiresIn: ttlSeconds,
  });
}

/** Checks signature, expiry, issuer, audience and claims; throws TokenError saying which failed. */
export function verifyToken(token: string, options: TokenOptions): Principal {
  let payload: unknown;
  try {
    payload = jwt.verify<object>(token, {
      secret: options.secret,
      algorithms: [ALGORITHM],
      issuer: options.issuer,
      audience: options.audience,
    });
  } catch (error) {
    throw new TokenError(reasonFor(error));
  }
  const claims = claimsSchema.safeParse(payload);
  if (!claims.success) {
    const fields = claims.error.issues.map((issue) => issue.path.join('.') || 'payload');
    throw new TokenError(`Invalid token claims: ${[...new Set(fields)].join(', ')}`);
  }
  const { sub, roles, name } = claims.data;
  return { sub, roles, ...(name !== undefined && { name }) };
}

function reasonFor(error: unknown): string {
  // TokenExpiredError and NotBeforeError extend JsonWebTokenError, so they come first.
  if (error instanceof TokenExpiredError) {
    return 'Token expired';
  }
  if (error instanceof NotBeforeError) {
    return 'Token not yet valid';
  }
  if (!(error instanceof JsonWebTokenError)) {
    throw error;
  }
  if (error.message === 'invalid signature') {
    return 'Invalid token signature';
  }
  if (error.message.startsWith('jwt issuer invalid')) {
    return 'Invalid token issuer';
  }
  if (error.message.startsWith('jwt audience invalid')) {
    return 'Invalid token audience';
  }
  if (error.message === 'invalid algorithm') {
    return `Invalid token algorithm: expected ${ALGORITHM}`;
  }
  return 'Malformed token';
}

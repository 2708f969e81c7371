import type { AuthSettings } from './auth-settings.js';
import { IssuerVerifier } from './issuer-verifier.js';
import { type Principal, verifyToken } from './token.js';

/** Turns a bearer token into the caller, or throws TokenError (401) saying why not. */
export abstract class TokenVerifier {
  abstract verify(token: string): Promise<Principal>;
}

/** Tokens signed by the identity provider's published keys. */
export class IssuerTokenVerifier extends TokenVerifier {
  constructor(private readonly verifier: IssuerVerifier) {
    super();
  }

  async verify(token: string): Promise<Principal> {
    const verified = await this.verifier.verify(token);
    return {
      sub: verified.sub,
      roles: verified.roles,
      issuer: verified.issuer,
      emailVerified: verified.emailVerified,
      ...(verified.name !== undefined && { name: verified.name }),
      ...(verified.email !== undefined && { email: verified.email }),
    };
  }
}

/** Shared-key (HS256) tokens minted by the tests themselves; authSettings allows it only in tests. */
export class SharedKeyTokenVerifier extends TokenVerifier {
  constructor(private readonly options: Parameters<typeof verifyToken>[1]) {
    super();
  }

  verify(token: string): Promise<Principal> {
    return Promise.resolve().then(() => verifyToken(token, this.options));
  }
}

export function tokenVerifierFor(settings: AuthSettings): TokenVerifier {
  return settings.mode === 'issuer'
    ? new IssuerTokenVerifier(new IssuerVerifier(settings.issuer))
    : new SharedKeyTokenVerifier(settings.sharedKey);
}

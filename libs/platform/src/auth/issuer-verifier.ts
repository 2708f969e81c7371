import { createLocalJWKSet, errors, type JSONWebKeySet, jwtVerify, type JWTPayload } from 'jose';
import { type Role, ROLES } from './roles.js';
import { TokenError } from './token.js';

/** The signing algorithms the platform accepts: asymmetric only, so no shared key can sign. */
export const ACCEPTED_ALGORITHMS = ['RS256', 'ES256', 'PS256'] as const;

export interface IssuerVerifierOptions {
  /** The identity provider's issuer identifier, exactly as its tokens' `iss` reads. */
  readonly issuer: string;
  /**
   * Where to read the discovery document when the issuer's public URL is not reachable from the
   * service (a container network); its `issuer` must still be `issuer`.
   */
  readonly discoveryUrl?: string;
  /** The `aud` the platform's tokens carry. */
  readonly audience: string;
  /** Where the roles are in the token: a claim name or a dotted path (`realm_access.roles`). */
  readonly rolesClaim: string;
  /** Identity-provider role names to platform roles; a platform role name maps to itself. */
  readonly roleMap: Readonly<Record<string, Role>>;
  /** Allowed difference between the provider's clock and ours, in seconds. */
  readonly clockToleranceSeconds: number;
  /** Oldest `iat` accepted, in seconds; it also makes `iat` required and refuses one ahead. */
  readonly maxTokenAgeSeconds: number;
  /** Least time between two fetches of the key set, so unknown `kid`s cannot flood the provider. */
  readonly jwksCooldownMs: number;
  /** How long a fetched key set serves before it is fetched again. */
  readonly jwksCacheMaxAgeMs: number;
}

/** What a verified access token says about its caller. */
export interface VerifiedToken {
  /** The identity provider's subject: a person's account, or a machine client. */
  readonly sub: string;
  readonly issuer: string;
  readonly roles: Role[];
  readonly name?: string;
  readonly email?: string;
  readonly emailVerified: boolean;
}

/** The identity provider could not be asked for its keys: 503 to the caller, never 500. */
export class IdentityProviderUnavailableError extends Error {
  constructor(cause: unknown) {
    super(
      `The identity provider did not answer for its signing keys: ${(cause as Error).message ?? String(cause)}`,
      { cause },
    );
    this.name = 'IdentityProviderUnavailableError';
  }
}

/**
 * The issuer's published keys, kept between fetches. Fetched again when older than the cache
 * age (a failure then keeps the keys held: tokens they sign still pass while the provider is
 * down) or when a token names a key not held (at most once per cooldown; a failure then is the
 * provider's absence, 503).
 */
class KeyCache {
  private keys: ReturnType<typeof createLocalJWKSet> | undefined;
  private fetchedAt = 0;
  private fetching: Promise<void> | undefined;

  constructor(
    private readonly jwksUri: URL,
    private readonly options: Pick<IssuerVerifierOptions, 'jwksCooldownMs' | 'jwksCacheMaxAgeMs'>,
  ) {}

  async verify(
    token: string,
    verify: (keys: ReturnType<typeof createLocalJWKSet>) => Promise<JWTPayload>,
  ): Promise<JWTPayload> {
    if (!this.keys) {
      await this.refresh();
    } else if (Date.now() - this.fetchedAt > this.options.jwksCacheMaxAgeMs) {
      await this.refresh().catch(() => undefined); // stale keys serve while the provider is away
    }
    try {
      return await verify(this.keys as ReturnType<typeof createLocalJWKSet>);
    } catch (error) {
      if (
        error instanceof errors.JWKSNoMatchingKey &&
        Date.now() - this.fetchedAt >= this.options.jwksCooldownMs
      ) {
        await this.refresh(); // a rotated key: fetch once, then try again
        return verify(this.keys as ReturnType<typeof createLocalJWKSet>);
      }
      throw error;
    }
  }

  private refresh(): Promise<void> {
    this.fetching ??= (async () => {
      try {
        const response = await fetch(this.jwksUri, { signal: AbortSignal.timeout(5000) });
        if (!response.ok) {
          throw new Error(`${this.jwksUri.href} answered ${response.status}`);
        }
        const set = (await response.json()) as JSONWebKeySet;
        this.keys = createLocalJWKSet(set);
        this.fetchedAt = Date.now();
      } catch (error) {
        throw new IdentityProviderUnavailableError(error);
      } finally {
        this.fetching = undefined;
      }
    })();
    return this.fetching;
  }
}

/**
 * Verifies access tokens signed by one OpenID Connect issuer with the keys it publishes: the
 * discovery document names the key set, which is cached and fetched again when a token names a
 * key it does not hold, so the provider can rotate keys without any service restarting (see
 * KeyCache; jose's own remote key set drops its keys when a refresh fails). Built on
 * `jose` (the OpenID Foundation's certified JOSE library for JavaScript) rather than on a JWT
 * library that also accepts shared keys.
 */
export class IssuerVerifier {
  private keys: Promise<KeyCache> | undefined;

  constructor(private readonly options: IssuerVerifierOptions) {}

  async verify(token: string): Promise<VerifiedToken> {
    const keys = await this.keySet();
    let payload: JWTPayload;
    try {
      payload = await keys.verify(token, async (set) => {
        const verified = await jwtVerify(token, set, {
          issuer: this.options.issuer,
          audience: this.options.audience,
          algorithms: [...ACCEPTED_ALGORITHMS],
          requiredClaims: ['exp', 'iat', 'sub'],
          clockTolerance: this.options.clockToleranceSeconds,
          maxTokenAge: this.options.maxTokenAgeSeconds,
        });
        return verified.payload;
      });
    } catch (error) {
      throw translate(error);
    }
    return this.toVerified(payload);
  }

  private toVerified(payload: JWTPayload): VerifiedToken {
    const sub = payload.sub as string;
    const roles = rolesFrom(claimAt(payload, this.options.rolesClaim), this.options.roleMap);
    const name = typeof payload['name'] === 'string' ? payload['name'] : undefined;
    const email = typeof payload['email'] === 'string' ? payload['email'] : undefined;
    return {
      sub,
      issuer: this.options.issuer,
      roles,
      ...(name !== undefined && { name }),
      ...(email !== undefined && { email }),
      emailVerified: payload['email_verified'] === true,
    };
  }

  /** The issuer's key set, found through its discovery document once and kept. */
  private keySet(): Promise<KeyCache> {
    this.keys ??= this.discover().catch((error: unknown) => {
      this.keys = undefined; // asked again on the next token
      throw error;
    });
    return this.keys;
  }

  private async discover(): Promise<KeyCache> {
    const url =
      this.options.discoveryUrl ??
      `${this.options.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    let document: { issuer?: unknown; jwks_uri?: unknown };
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (!response.ok) {
        throw new Error(`${url} answered ${response.status}`);
      }
      document = (await response.json()) as typeof document;
    } catch (error) {
      throw new IdentityProviderUnavailableError(error);
    }
    if (document.issuer !== this.options.issuer || typeof document.jwks_uri !== 'string') {
      throw new IdentityProviderUnavailableError(
        new Error(`${url} does not describe issuer ${this.options.issuer} with a jwks_uri`),
      );
    }
    return new KeyCache(new URL(document.jwks_uri), this.options);
  }
}

/** A verification failure in words the caller may read, or the provider's absence. */
function translate(error: unknown): Error {
  if (error instanceof errors.JWTExpired) {
    return new TokenError(error.claim === 'iat' ? 'Token too old' : 'Token expired');
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    const problems: Record<string, string> = {
      iss: 'Token from another issuer',
      aud: 'Token for another audience',
      nbf: 'Token not yet valid',
      iat: 'Token issued in the future',
    };
    return new TokenError(
      problems[error.claim] ??
        (error.reason === 'missing' ? `Token without ${error.claim}` : `Invalid ${error.claim}`),
    );
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return new TokenError(
      `Token algorithm not accepted: expected one of ${ACCEPTED_ALGORITHMS.join(', ')}`,
    );
  }
  if (error instanceof errors.JWKSNoMatchingKey) {
    return new TokenError('Token signed by a key the issuer does not publish');
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new TokenError('Invalid token signature');
  }
  if (error instanceof IdentityProviderUnavailableError) {
    return error;
  }
  if (error instanceof errors.JOSEError) {
    return new TokenError('Malformed token');
  }
  return error as Error;
}

/**
 * The value at a claim path: `roles`, `realm_access.roles`, or through a list of objects with
 * `[]` (`nhsid_nrbac_roles[].role_code` reads each object's `role_code`).
 */
export function claimAt(value: unknown, path: string): unknown {
  const [head, ...rest] = path.split('.');
  if (head === undefined || head === '') {
    return value;
  }
  const list = head.endsWith('[]');
  const name = list ? head.slice(0, -2) : head;
  const next =
    typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)[name]
      : undefined;
  if (list) {
    return Array.isArray(next) ? next.flatMap((item) => claimAt(item, rest.join('.'))) : undefined;
  }
  return claimAt(next, rest.join('.'));
}

/** The platform roles a token's role claim grants; unknown provider roles grant nothing. */
export function rolesFrom(claim: unknown, roleMap: Readonly<Record<string, Role>>): Role[] {
  const values = Array.isArray(claim) ? claim : typeof claim === 'string' ? claim.split(' ') : [];
  const roles = new Set<Role>();
  for (const value of values) {
    if (typeof value !== 'string') {
      continue;
    }
    const role = roleMap[value] ?? (ROLES as readonly string[]).find((known) => known === value);
    if (role !== undefined) {
      roles.add(role as Role);
    }
  }
  return [...roles];
}

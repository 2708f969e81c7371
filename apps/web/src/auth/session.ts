import { createSecretKey, type KeyObject, randomBytes, timingSafeEqual } from 'node:crypto';
import { EncryptJWT, jwtDecrypt } from 'jose';

/** What the session cookie holds: the person's tokens and who they are, never more. */
export interface Session {
  readonly sub: string;
  readonly name: string;
  /** The member the person is, from membership's GET /me; none for an admin linked to none. */
  readonly memberId?: string;
  readonly roles: readonly string[];
  readonly accessToken: string;
  readonly refreshToken?: string;
  /** Seconds since the epoch at which the access token expires. */
  readonly expiresAt: number;
  /** The token every form carries back (double submit, inside the encrypted cookie). */
  readonly csrf: string;
}

/** A sign-in on its way: what the callback must find again (PKCE verifier, state, return path). */
export interface PendingSignIn {
  readonly verifier: string;
  readonly state: string;
  readonly returnTo: string;
}

export const SESSION_COOKIE = 'cn_session';
export const SIGN_IN_COOKIE = 'cn_sign_in';

/**
 * Seals and opens the web app's cookies: a JWE (dir, A256GCM) under SESSION_KEY, so the browser
 * holds the tokens but can neither read nor change them, and an expiry inside the seal. jose,
 * already the platform's JWT library, rather than a session store: the web app keeps no data.
 */
export class CookieSeal {
  // A KeyObject made once: jose would import raw bytes into a key again on every request.
  private readonly key: KeyObject;

  constructor(base64Key: string) {
    this.key = createSecretKey(Buffer.from(base64Key, 'base64'));
  }

  seal(value: object, lifetimeSeconds: number): Promise<string> {
    return new EncryptJWT({ value })
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .setIssuedAt()
      .setExpirationTime(`${lifetimeSeconds}s`)
      .encrypt(this.key);
  }

  /** The sealed value, or undefined for anything forged, damaged or expired. */
  async open<T>(sealed: string | undefined): Promise<T | undefined> {
    if (!sealed) {
      return undefined;
    }
    try {
      const { payload } = await jwtDecrypt(sealed, this.key);
      return payload['value'] as T;
    } catch {
      return undefined;
    }
  }
}

export function newCsrfToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Whether a form's token is the session's, compared in constant time. */
export function csrfMatches(session: Session, sent: unknown): boolean {
  if (typeof sent !== 'string') {
    return false;
  }
  const expected = Buffer.from(session.csrf);
  const actual = Buffer.from(sent);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** A path on this site to return to after sign-in: anything else goes to "my work". */
export function safeReturnPath(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) ? value : '/my-work';
}

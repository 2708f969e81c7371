import { createHash } from 'node:crypto';

/** The platform roles an account's tokens carry in their `roles` claim. */
export type AccountRole = 'admin' | 'clinician' | 'service';

export interface DevAccount {
  /** Stable per e-mail, so a member linked once stays linked across restarts. */
  readonly sub: string;
  readonly email: string;
  readonly name: string;
  readonly roles: readonly AccountRole[];
}

/** The demo organisation's mail domain: every demo member's address is in it. */
export const DEMO_DOMAIN = 'example.org';

/** Accounts with more than the clinician's role: the demo admin and the demo secretariat. */
const SPECIAL: Readonly<Record<string, readonly AccountRole[]>> = {
  [`admin@${DEMO_DOMAIN}`]: ['admin', 'clinician'],
  [`secretariat@${DEMO_DOMAIN}`]: ['admin'],
};

/**
 * The development server's accounts: the demo admin, the demo secretariat, and every demo
 * member, who signs in with the address the membership seed gave them. Only addresses in the
 * demo domain exist; the server is for development and tests, never for real people.
 */
export function findDevAccount(email: string): DevAccount | undefined {
  const address = email.trim().toLowerCase();
  if (!/^[a-z0-9._%+-]+@example\.org$/.test(address)) {
    return undefined;
  }
  return {
    sub: subjectOf(address),
    email: address,
    name: nameOf(address),
    roles: SPECIAL[address] ?? ['clinician'],
  };
}

export function subjectOf(email: string): string {
  return createHash('sha256').update(`dev-account:${email}`).digest('hex').slice(0, 32);
}

/** `jane.smith.3@example.org` reads "Jane Smith". */
function nameOf(email: string): string {
  const words = (email.split('@')[0] ?? '').split(/[._-]/).filter((word) => !/^\d+$/.test(word));
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
}

import type { Principal } from './token.js';

/**
 * Which member an identity-provider account is: a service that knows the links (membership, or
 * a service's copy of membership) provides one, and the guard asks it on every request. Tokens
 * carry no member id: the link is the platform's, made when a member first signs in or by an
 * admin.
 */
export abstract class MemberResolver {
  abstract memberOf(issuer: string, subject: string): Promise<string | undefined>;
}

/** A resolver's answers kept for a short while, so a request does not cost a query each time. */
export class CachedMemberResolver {
  private readonly answers = new Map<string, { memberId: string | undefined; at: number }>();

  constructor(
    private readonly resolver: MemberResolver,
    private readonly ttlMs = 30_000,
    private readonly maxEntries = 10_000,
  ) {}

  async memberOf(principal: Principal): Promise<string | undefined> {
    if (principal.issuer === undefined) {
      return undefined; // a shared-key test token: no identity provider, so no member
    }
    const key = `${principal.issuer} ${principal.sub}`;
    const cached = this.answers.get(key);
    if (cached && Date.now() - cached.at < this.ttlMs) {
      return cached.memberId;
    }
    const memberId = await this.resolver.memberOf(principal.issuer, principal.sub);
    if (this.answers.size >= this.maxEntries) {
      this.answers.clear();
    }
    // An unlinked identity is asked again soon: it may be linked at any moment.
    if (memberId !== undefined) {
      this.answers.set(key, { memberId, at: Date.now() });
    }
    return memberId;
  }
}

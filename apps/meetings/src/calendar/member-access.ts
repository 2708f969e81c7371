import { RefusedError, type Principal } from '#platform';

/** A member's own feeds are theirs: only they, or an admin, read or manage them. */
export function assertOwnOrAdmin(principal: Principal, memberId: string): void {
  if (!principal.roles.includes('admin') && principal.memberId !== memberId) {
    throw new RefusedError("A member's calendar is for that member (or an admin) only");
  }
}

import type { Principal } from './token.js';

/**
 * How events and the audit log name who acted: `member:<member id>` for a person linked to a
 * member, `service:<subject>` for another service's client, else `user:<subject>` (an admin or
 * secretariat account not linked to a member). Work no request or event started (timers, daily
 * checks) is the service's own: `system`.
 */
export function actorOf(principal: Principal): string {
  if (principal.memberId !== undefined) {
    return `member:${principal.memberId}`;
  }
  return principal.roles.includes('service') ? `service:${principal.sub}` : `user:${principal.sub}`;
}

/** The actor of work no person or service asked for. */
export const SYSTEM_ACTOR = 'system';

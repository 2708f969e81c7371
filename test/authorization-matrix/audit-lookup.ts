import type { Caller, Service } from './matrix.js';
import type { World } from './world.js';

/** A write the matrix saw succeed, and how to find it in the service's audit log. */
export interface Written {
  readonly service: Service;
  readonly route: string;
  readonly caller: Caller;
  /** The id the entry should name; unknown for writes whose answer names none. */
  readonly target: string | undefined;
  /** Sent with the request, so the entry it caused is told from the cell's setup. */
  readonly correlationId: string;
}

/**
 * `found`: an entry of the request, naming the caller (and the target, when known);
 * `not-under-target`: the caller's entry exists but `?target=` does not find it;
 * `missing`: no entry of the request names the caller.
 */
export type AuditFinding = 'found' | 'not-under-target' | 'missing';

interface AuditPage {
  readonly items: { readonly correlationId: string }[];
}

const PAGE = 200;

/** Looks a write up as an admin does: GET /admin/audit by target and actor, else by actor. */
export async function findInAuditLog(world: World, write: Written): Promise<AuditFinding> {
  const actor = world.actors[write.caller];
  const page = async (query: Record<string, string>) => {
    const answer = await world.call(
      write.service,
      'GET',
      `/admin/audit?${new URLSearchParams({ actor, limit: String(PAGE), ...query }).toString()}`,
      world.tokens.admin,
    );
    if (answer.status !== 200) {
      throw new Error(`GET ${write.service} /admin/audit: ${answer.status}`);
    }
    return (answer.body as AuditPage).items;
  };
  const ours = (items: AuditPage['items']) =>
    items.some((entry) => entry.correlationId === write.correlationId);
  /** Whether the request's entry is among the first twenty pages the query finds. */
  const within = async (query: Record<string, string>) => {
    for (let offset = 0; offset < 20 * PAGE; offset += PAGE) {
      const items = await page({ ...query, offset: String(offset) });
      if (ours(items)) {
        return true;
      }
      if (items.length < PAGE) {
        return false;
      }
    }
    return false;
  };
  // Set-up writes (meetings, items, attendance) name the same body, so a target's entries by
  // the admin run to more than a page.
  if (write.target !== undefined && (await within({ target: write.target }))) {
    return 'found';
  }
  if (await within({})) {
    return write.target === undefined ? 'found' : 'not-under-target';
  }
  return 'missing';
}

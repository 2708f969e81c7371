/**
 * The authorization matrix's vocabulary: who calls (eight kinds of caller), on which column (the
 * caller's own body or another), and what the rules say must happen. Each service's table
 * (`<service>.rows.ts`) gives one row per write route, with a request builder and the expected
 * outcome of every cell.
 */

export const SERVICES = [
  'membership',
  'meetings',
  'priorities',
  'performance',
  'workflow',
] as const;
export type Service = (typeof SERVICES)[number];

export const CALLERS = [
  'admin',
  'chair',
  'clinical-lead',
  'secretariat',
  'member',
  'observer',
  'unseated-clinician',
  'service',
] as const;
export type Caller = (typeof CALLERS)[number];

/** The five callers seated on the own body (and their counterparts on the other body). */
export const SEATED = ['chair', 'clinical-lead', 'secretariat', 'member', 'observer'] as const;
export type SeatRole = (typeof SEATED)[number];

/**
 * `own`: the caller's own body (for a member-scoped route, the caller's own member record);
 * `other`: a body the caller sits on nowhere (another member's record). The unseated clinician,
 * the admin and the service sit nowhere: their `own` is the body the others sit on, and for a
 * member-scoped route the unseated clinician's own record, the admin's and service's the own
 * body's plain member.
 */
export type Column = 'own' | 'other';

/**
 * `allowed`: 2xx, or a 4xx other than 401, 403 and 404 (state made the request invalid);
 * `refused`: 403; `hidden`: 404, where the service deliberately answers as if another body's
 * record did not exist.
 */
export type Outcome = 'allowed' | 'refused' | 'hidden';

/** How a row reads its columns: by body, by member, or one column (no body involved). */
export type Scope = 'body' | 'member' | 'none';

export type Method = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Built {
  /** The concrete path, parameters filled in. */
  readonly path: string;
  readonly body?: object | string;
  /** `text/csv` for the importers; JSON otherwise. */
  readonly contentType?: string;
  /** The id the audit log should name for the write; from the response's `id` when absent. */
  readonly target?: string;
}

/** What a request builder knows: the world (bodies, people, helpers) and the cell. */
export interface Cell<W> {
  readonly world: W;
  readonly caller: Caller;
  readonly column: Column;
  /** The body the request is about: the own body, or the other one. */
  readonly bodyId: string;
  /** The member a member-scoped request is about, for this caller and column. */
  readonly memberId: string;
  /** A fresh string for names and codes no other cell uses. */
  readonly unique: string;
}

export interface Row<W> {
  readonly service: Service;
  readonly method: Method;
  /** As the OpenAPI document spells it, `{param}` and all. */
  readonly path: string;
  readonly scope: Scope;
  /** The expected outcome per column and caller; one column (`own`) when scope is `none`. */
  readonly expected: Readonly<Partial<Record<Column, Readonly<Record<Caller, Outcome>>>>>;
  /** Builds fresh state for the cell (as an admin) and the caller's request. */
  readonly build: (cell: Cell<W>) => Built | Promise<Built>;
  /** Why the row expects what it does, where the rule is not plain. */
  readonly rule?: string;
}

/** Every caller refused but those given (who are allowed, or as given). */
export function only(
  allowed: readonly Caller[],
  otherwise: Outcome = 'refused',
  overrides: Partial<Record<Caller, Outcome>> = {},
): Record<Caller, Outcome> {
  return Object.fromEntries(
    CALLERS.map((caller) => [
      caller,
      overrides[caller] ?? (allowed.includes(caller) ? 'allowed' : otherwise),
    ]),
  ) as Record<Caller, Outcome>;
}

/** Admins only, whatever the column: no one else writes here. */
export const ADMIN_ONLY = only(['admin']);

/** Only the own body's meeting officers: chair, deputy chair (not a caller here) and secretariat. */
export const MEETING_OFFICERS: readonly Caller[] = ['admin', 'chair', 'secretariat'];

/** The owning body's chair or clinical lead, who lead its priorities and close its cases. */
export const CHAIR_OR_LEAD: readonly Caller[] = ['admin', 'chair', 'clinical-lead'];

/** Anyone seated on the body. */
export const SEATED_OR_ADMIN: readonly Caller[] = ['admin', ...SEATED];

/** An admin-only row that is about no body: one column. */
export function adminRow<W>(
  service: Service,
  method: Method,
  path: string,
  build: Row<W>['build'],
  rule = 'admin only; not about a body, so one column',
): Row<W> {
  return { service, method, path, scope: 'none', expected: { own: ADMIN_ONLY }, build, rule };
}

/** An admin-only row about a body: own and other alike. */
export function adminBodyRow<W>(
  service: Service,
  method: Method,
  path: string,
  build: Row<W>['build'],
  rule = 'admin only, on any body',
): Row<W> {
  return {
    service,
    method,
    path,
    scope: 'body',
    expected: { own: ADMIN_ONLY, other: ADMIN_ONLY },
    build,
    rule,
  };
}

export interface Mismatch {
  readonly service: Service;
  readonly route: string;
  readonly caller: Caller;
  readonly column: Column;
  readonly bodyId: string;
  readonly expected: Outcome;
  readonly status: number;
  readonly detail: string;
}

/** Whether an answer's status is what the expected outcome allows. */
export function matches(expected: Outcome, status: number): boolean {
  switch (expected) {
    case 'allowed':
      return (
        (status >= 200 && status < 300) ||
        (status >= 400 && status < 500 && ![401, 403, 404].includes(status))
      );
    case 'refused':
      return status === 403;
    case 'hidden':
      return status === 404;
  }
}

/** A route as `METHOD /path`, as the OpenAPI document names it. */
export const routeOf = (row: { method: Method; path: string }) => `${row.method} ${row.path}`;

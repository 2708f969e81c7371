import {
  causeName,
  dateAndTime,
  levelName,
  longDate,
  statusTag,
  transitionName,
} from './case-labels.js';

/** A case as workflow's GET /cases/:id answers it (the fields the page uses). */
export interface CaseResponse {
  id: string;
  title: string;
  kind: string;
  bodyId: string;
  level: string;
  status: string;
  severity: string;
  overdue: boolean;
  openedAt: string;
  evidence: Record<string, unknown>;
  history: {
    sequence: number;
    at: string;
    transition: string;
    level: string;
    cause: { kind: string; ref: string };
    details: Record<string, unknown>;
  }[];
  deadlines: { kind: string; level: string; dueOn: string; settledAt: string | null }[];
  nextMeeting: { title: string; startsAt: string } | null;
}

/** A body's role-holder, from membership's GET /bodies/:id/role-holders. */
export interface RoleHolder {
  role: string;
  member: { memberId: string; name: string };
}

const CLOSED = new Set(['resolved', 'closed']);

/** Statuses in which the holding body's leads may close a case. */
const CLOSABLE = new Set(['resolved', 'monitoring']);

/** Statuses in which the holding body's chair may decide a case between meetings. */
const CHAIRS_ACTION_STATUSES = new Set(['opened', 'acknowledged', 'tabled', 'deferred']);

/** What a chair's action may decide on a case, as the form offers it. */
export const CHAIRS_ACTION_OUTCOMES = [
  { value: 'resolved', text: 'Resolved: the issue is dealt with' },
  { value: 'action-plan-agreed', text: 'Action plan agreed: the case is monitored' },
  { value: 'escalated', text: 'Escalated to the next body up' },
] as const;

/** Everything the case page shows and may offer, decided here so a unit test can reach it. */
export function caseView(
  escalation: CaseResponse,
  verification: { valid: boolean; reason?: string },
  viewer: { memberId?: string; roles: readonly string[] },
  holders: readonly RoleHolder[],
) {
  const leads = holders.filter(
    (holder) => holder.role === 'chair' || holder.role === 'clinical-lead',
  );
  const leadsIt =
    viewer.memberId !== undefined &&
    leads.some((holder) => holder.member.memberId === viewer.memberId);
  const chairsIt =
    viewer.memberId !== undefined &&
    holders.some(
      (holder) =>
        (holder.role === 'chair' || holder.role === 'deputy-chair') &&
        holder.member.memberId === viewer.memberId,
    );
  const admin = viewer.roles.includes('admin');
  const open = !CLOSED.has(escalation.status);
  return {
    id: escalation.id,
    title: escalation.title,
    tag: statusTag(escalation.status),
    summary: [
      {
        key: 'Where it is',
        value: levelName(escalation.level),
        action: { href: `/bodies/${escalation.bodyId}`, text: 'View the body' },
      },
      { key: 'Severity', value: transitionName(escalation.severity) },
      { key: 'Opened', value: dateAndTime(escalation.openedAt) },
      {
        key: 'Next meeting',
        value: escalation.nextMeeting
          ? `${escalation.nextMeeting.title}, ${dateAndTime(escalation.nextMeeting.startsAt)}`
          : 'Not yet tabled',
      },
    ],
    overdue: escalation.overdue,
    // The deadlines themselves; the reminders before them (`acknowledge@0.5`) are the timers'.
    deadlines: escalation.deadlines
      .filter((deadline) => !deadline.kind.includes('@'))
      .map((deadline) => ({
        what: transitionName(deadline.kind),
        where: levelName(deadline.level),
        due: longDate(deadline.dueOn),
        state: deadline.settledAt ? 'Met or settled' : 'Open',
      })),
    history: [...escalation.history].reverse().map((entry) => ({
      what: transitionName(entry.transition),
      when: dateAndTime(entry.at),
      where: levelName(entry.level),
      by: causeName(entry.cause, entry.details),
      // A note's text, or the reason a step was taken (a decision's rationale, a deadline passed).
      note: [entry.details['text'], entry.details['reason']].find(
        (value): value is string => typeof value === 'string' && value !== '',
      ),
    })),
    verified: verification.valid,
    verificationProblem: verification.valid ? undefined : verification.reason,
    mayAcknowledge: escalation.status === 'opened' && (leadsIt || admin),
    mayNote: open,
    // Closing follows a recovery or an agreed action plan, by the holding body's leads.
    mayClose: CLOSABLE.has(escalation.status) && (leadsIt || admin),
    // An admin may resolve and close an open case outright (a case raised in error, say).
    mayResolve: open && admin,
    // Between meetings the chair (or deputy) decides, for the next meeting to ratify.
    mayTakeChairsAction: CHAIRS_ACTION_STATUSES.has(escalation.status) && (chairsIt || admin),
    chairsActionOutcomes: CHAIRS_ACTION_OUTCOMES,
  };
}

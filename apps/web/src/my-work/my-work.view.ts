import { dateAndTime, levelName, longDate, statusTag } from '../cases/case-labels.js';

export interface Page<T> {
  items: T[];
  total: number;
}

export interface CaseSummary {
  id: string;
  title: string;
  level: string;
  status: string;
  overdue: boolean;
  openedAt: string;
  /** What the holding body must do next, by when (workflow's GET /cases). */
  nextDeadline?: { kind: string; dueOn: string; workingDaysLeft: number } | null;
}

/** A meeting as meetings' GET /members/:id/meetings lists it. */
export interface UpcomingMeeting {
  id: string;
  bodyName: string;
  title: string;
  startsAt: string;
  location: string | null;
  status: string;
}

export interface InboxMessage {
  id: string;
  subject: string;
  caseId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface ActionSummary {
  id: string;
  description: string;
  dueOn: string;
  status: string;
}

const DONE = new Set(['resolved', 'closed']);

/** What a case waits for, by its status: the groups "my work" shows, in this order. */
const WAITING: { heading: string; statuses: readonly string[] }[] = [
  { heading: 'To acknowledge', statuses: ['opened'] },
  { heading: 'To table at a meeting', statuses: ['acknowledged', 'deferred'] },
  { heading: 'Tabled or being monitored', statuses: ['tabled', 'monitoring'] },
];

const DEADLINE_VERBS: Record<string, string> = {
  acknowledge: 'Acknowledge',
  table: 'Table',
  resolve: 'Resolve',
};

/** "Acknowledge within 3 working days (by 9 December 2026)", "Table today", "Resolve: 2 working days late". */
export function deadlineText(deadline: {
  kind: string;
  dueOn: string;
  workingDaysLeft: number;
}): string {
  const verb = DEADLINE_VERBS[deadline.kind] ?? deadline.kind;
  const days = Math.abs(deadline.workingDaysLeft);
  const unit = days === 1 ? 'working day' : 'working days';
  if (deadline.workingDaysLeft < 0) {
    return `${verb}: ${days} ${unit} late (was due ${longDate(deadline.dueOn)})`;
  }
  if (deadline.workingDaysLeft === 0) {
    return `${verb} today`;
  }
  return `${verb} within ${days} ${unit} (by ${longDate(deadline.dueOn)})`;
}

/** "My work": the cases still open, the unread messages first, and the actions owed. */
export function myWorkView(
  cases: Page<CaseSummary>,
  inbox: (Page<InboxMessage> & { unread: number }) | undefined,
  actions: Page<ActionSummary> | undefined,
  meetings?: readonly UpcomingMeeting[],
) {
  const open = cases.items.filter((escalation) => !DONE.has(escalation.status));
  const row = (escalation: CaseSummary) => ({
    href: `/cases/${escalation.id}`,
    title: escalation.title,
    where: levelName(escalation.level),
    tag: statusTag(escalation.status),
    overdue: escalation.overdue,
    opened: longDate(escalation.openedAt),
    next: escalation.nextDeadline ? deadlineText(escalation.nextDeadline) : 'No deadline',
  });
  // Soonest deadline first; a case without one after those with.
  const byDeadline = (a: CaseSummary, b: CaseSummary) =>
    (a.nextDeadline?.workingDaysLeft ?? Infinity) - (b.nextDeadline?.workingDaysLeft ?? Infinity);
  return {
    overdueCount: open.filter((escalation) => escalation.overdue).length,
    caseGroups: WAITING.map((group) => ({
      heading: group.heading,
      cases: open
        .filter((escalation) => group.statuses.includes(escalation.status))
        .sort(byDeadline)
        .map(row),
    })).filter((group) => group.cases.length > 0),
    moreCases: cases.total > cases.items.length,
    inbox: inbox && {
      unread: inbox.unread,
      messages: [...inbox.items]
        .sort((a, b) => Number(a.readAt !== null) - Number(b.readAt !== null))
        .map((message) => ({
          id: message.id,
          subject: message.subject,
          href: message.caseId ? `/cases/${message.caseId}` : undefined,
          when: dateAndTime(message.createdAt),
          unread: message.readAt === null,
        })),
    },
    meetings: meetings?.map((meeting) => ({
      href: `/meetings/${meeting.id}`,
      title: meeting.title,
      body: meeting.bodyName,
      when: dateAndTime(meeting.startsAt),
      where: meeting.location,
      cancelled: meeting.status === 'cancelled',
    })),
    actions: actions?.items.map((action) => ({
      title: action.description,
      due: longDate(action.dueOn),
      status: action.status,
    })),
  };
}

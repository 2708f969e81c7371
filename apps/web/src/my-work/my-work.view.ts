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

/** "My work": the cases still open, the unread messages first, and the actions owed. */
export function myWorkView(
  cases: Page<CaseSummary>,
  inbox: (Page<InboxMessage> & { unread: number }) | undefined,
  actions: Page<ActionSummary> | undefined,
) {
  const open = cases.items.filter((escalation) => !DONE.has(escalation.status));
  return {
    cases: open.map((escalation) => ({
      href: `/cases/${escalation.id}`,
      title: escalation.title,
      where: levelName(escalation.level),
      tag: statusTag(escalation.status),
      overdue: escalation.overdue,
      opened: longDate(escalation.openedAt),
    })),
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
    actions: actions?.items.map((action) => ({
      title: action.description,
      due: longDate(action.dueOn),
      status: action.status,
    })),
  };
}

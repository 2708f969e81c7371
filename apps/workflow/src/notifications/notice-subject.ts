import type { ESCALATION_LEVELS } from '#contracts';

type Level = (typeof ESCALATION_LEVELS)[number];

/** The rungs as subjects name them (as cases/case-ladder.ts does, which notifications may not import). */
const LEVEL_NAMES: Record<Level, string> = {
  group: 'the network group',
  cag: 'the Clinical Advisory Group',
  board: 'the Alliance Board',
};

/**
 * The step of a case a notice tells of, read from the history entry that caused it, so the
 * subject of every message says what happened before it is opened.
 */
export type NoticeStep =
  | { readonly kind: 'opened' }
  | { readonly kind: 'reopened' }
  | { readonly kind: 'reminder'; readonly workingDaysLeft: number }
  | { readonly kind: 'escalated'; readonly to: Level }
  | { readonly kind: 'overdue'; readonly at: Level }
  | { readonly kind: 'chair-action' }
  | { readonly kind: 'tabled' }
  | { readonly kind: 'resolved' }
  | { readonly kind: 'action-plan' }
  | { readonly kind: 'closed' }
  | { readonly kind: 'severity-changed' }
  | { readonly kind: 'calendar-gap' }
  | { readonly kind: 'update' };

/** The history entry a notice was planned for: its transition names the step. */
export interface NoticeCause {
  readonly transition: string;
  readonly level: string;
}

/** The most characters the notification's subject column holds. */
export const SUBJECT_LENGTH = 300;

const isLevel = (level: string): level is Level => level in LEVEL_NAMES;

/**
 * The step of a transition. A reminder's working days left are counted by the caller (they need
 * the calendar); missing, the reminder says it is due today.
 */
export function stepOf(cause: NoticeCause, workingDaysLeft = 0): NoticeStep {
  const level: Level = isLevel(cause.level) ? cause.level : 'group';
  switch (cause.transition) {
    case 'opened':
      return { kind: 'opened' };
    case 'reopened':
      return { kind: 'reopened' };
    case 'reminder-due':
      return { kind: 'reminder', workingDaysLeft };
    case 'escalated':
      return { kind: 'escalated', to: level };
    case 'overdue':
      return { kind: 'overdue', at: level };
    case 'chair-action-requested':
      // No meeting tables it in time (the tabling deadline passed, or none is scheduled before
      // it): the chair is asked for an extraordinary meeting or chair's action.
      return { kind: 'chair-action' };
    case 'tabled':
      return { kind: 'tabled' };
    case 'resolved':
    case 'recovered':
    case 'breach-withdrawn':
      return { kind: 'resolved' };
    case 'action-plan-accepted':
      return { kind: 'action-plan' };
    case 'closed':
      return { kind: 'closed' };
    case 'trigger-updated':
      return { kind: 'severity-changed' };
    default:
      return { kind: 'update' };
  }
}

function days(n: number): string {
  return n <= 0 ? 'today' : `in ${n} working day${n === 1 ? '' : 's'}`;
}

/** What goes before and after the title in a step's subject. */
function frame(step: NoticeStep): readonly [string, string] {
  switch (step.kind) {
    case 'opened':
      return ['Action needed: ', ''];
    case 'reopened':
      return ['Reopened: ', ''];
    case 'reminder':
      return ['Reminder: ', ` due ${days(step.workingDaysLeft)}`];
    case 'escalated':
      return [`Escalated to ${LEVEL_NAMES[step.to]}: `, ''];
    case 'overdue':
      return [`Overdue at ${LEVEL_NAMES[step.at]}: `, ''];
    case 'chair-action':
      return ["Chair's action needed: ", ''];
    case 'tabled':
      return ['On the agenda: ', ''];
    case 'resolved':
      return ['Resolved: ', ''];
    case 'action-plan':
      return ['Action plan accepted: ', ''];
    case 'closed':
      return ['Closed: ', ''];
    case 'severity-changed':
      return ['Severity changed: ', ''];
    case 'calendar-gap':
      return ['Bank holidays missing for a deadline: ', ''];
    case 'update':
      return ['Update: ', ''];
  }
}

/**
 * "Action needed: <title>", "Escalated to the Clinical Advisory Group: <title>" and so on, within
 * the subject column: a long title is cut by characters (never through an emoji), the step kept.
 */
export function subjectOf(step: NoticeStep, title: string): string {
  const [before, after] = frame(step);
  const room = SUBJECT_LENGTH - [...before].length - [...after].length;
  const characters = [...title];
  const fitted = characters.length <= room ? title : `${characters.slice(0, room - 1).join('')}…`;
  return `${before}${fitted}${after}`;
}

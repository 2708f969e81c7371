import type { Seat } from '#membership-view';

/**
 * Who hears of a case: the body it concerns is named with each notice. On escalation the
 * holding body is the one the case leaves and the parent body the one it goes to.
 */
export type NotifyAudience =
  'holding-body' | 'parent-body' | 'board-chair-and-secretariat' | 'members' | 'secretariat';

/** The seats each audience reads from its body: a chair and clinical lead, or more. */
export const ROLES_OF: Record<NotifyAudience, readonly Seat['role'][] | 'all'> = {
  'holding-body': ['chair', 'clinical-lead'],
  'parent-body': ['chair', 'clinical-lead'],
  'board-chair-and-secretariat': ['chair', 'secretariat'],
  members: 'all',
  // The alliance's administrators as a body sees them: for the platform's own alerts and the
  // body's reminders (draft minutes overdue).
  secretariat: ['secretariat'],
};

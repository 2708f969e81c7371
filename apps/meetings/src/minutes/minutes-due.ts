import { addDays, daysBetween, ukDate } from '#platform';
import type { Meeting } from '../meetings/meeting.entity.js';

/** What the due rule reads of a meeting. */
export type MinutesDueMeeting = Pick<Meeting, 'status' | 'minutesStatus' | 'startsAt'>;

/** When a meeting's draft minutes are due: `dueDays` after the day it was held (UK time). */
export function minutesDueOn(meeting: Pick<Meeting, 'startsAt'>, dueDays: number): string {
  return addDays(ukDate(meeting.startsAt), dueDays);
}

/**
 * A held meeting whose draft minutes are not in on their due day (or later) is overdue; a
 * cancelled or not yet held meeting has no minutes to write, and drafted or approved minutes
 * are in.
 */
export function minutesOverdue(
  meeting: MinutesDueMeeting,
  today: string,
  dueDays: number,
): boolean {
  return (
    meeting.status === 'held' &&
    meeting.minutesStatus === 'none' &&
    daysBetween(minutesDueOn(meeting, dueDays), today) >= 0
  );
}

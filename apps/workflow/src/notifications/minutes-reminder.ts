import type { PayloadOf, PlatformEventMap } from '#contracts';

type MinutesOverdue = PayloadOf<PlatformEventMap, 'meetings.minutes-overdue.v1'>;

const LONG_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A YYYY-MM-DD day as people write it: 2 November 2026. */
export function longDate(day: string): string {
  return LONG_DATE.format(new Date(`${day}T00:00:00Z`));
}

/** The reminder to a body's secretariat that a meeting's draft minutes are overdue. */
export function minutesReminder(
  data: MinutesOverdue,
  bodyName: string | null,
): { subject: string; text: string } {
  const subject = `Draft minutes due: ${data.title} held on ${longDate(data.heldOn)}`;
  const text = [
    `The draft minutes of ${data.title} were due on ${longDate(data.dueOn)}, ${data.daysSinceHeld} days after the meeting, and are not in yet.`,
    '',
    `Body: ${bodyName ?? data.bodyId}`,
    `Meeting: ${data.meetingId}`,
  ].join('\n');
  // The subject column holds 300 characters; a meeting title holds 200.
  return { subject: subject.slice(0, 300), text };
}

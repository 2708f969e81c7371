import type { Announcement, MonthResult } from './breach-detection.js';

export interface LastAnnouncement {
  /** `withdrawn`: revised data no longer shows the breach announced for `period`. */
  kind: 'breached' | 'recovered' | 'withdrawn';
  period: string;
}

/**
 * Of what a series should have announced, what is still to announce after `last`: only later
 * periods, and only a change of state (a breach after a recovery or nothing, a recovery after a
 * breach). Revised data that moves a breach's month therefore never announces it twice. After
 * a withdrawal the subject is as if never breached, from the withdrawn breach's period on.
 */
export function unannounced<M extends MonthResult>(
  announcements: readonly Announcement<M>[],
  last: LastAnnouncement | undefined,
): Announcement<M>[] {
  const result: Announcement<M>[] = [];
  let state = last;
  for (const announcement of announcements) {
    const later = state === undefined || announcement.period > state.period;
    const changes =
      announcement.kind === 'breached' ? state?.kind !== 'breached' : state?.kind === 'breached';
    if (later && changes) {
      result.push(announcement);
      state = { kind: announcement.kind, period: announcement.period };
    }
  }
  return result;
}

import { minutesDueOn, minutesOverdue, type MinutesDueMeeting } from './minutes-due.js';

/** A meeting held on 2 November 2026 at 10:00 UK time (GMT). */
function meeting(fields: Partial<MinutesDueMeeting> = {}): MinutesDueMeeting {
  return {
    status: 'held',
    minutesStatus: 'none',
    startsAt: new Date('2026-11-02T10:00:00Z'),
    ...fields,
  };
}

describe('draft minutes due after a held meeting', () => {
  it('are due on the day the setting gives after the meeting', () => {
    expect(minutesDueOn(meeting(), 14)).toBe('2026-11-16');
    expect(minutesDueOn(meeting(), 7)).toBe('2026-11-09');
  });

  it('are overdue for a meeting held 14 days ago without a draft, and not the day before', () => {
    expect(minutesOverdue(meeting(), '2026-11-16', 14)).toBe(true);
    expect(minutesOverdue(meeting(), '2026-11-30', 14)).toBe(true);
    expect(minutesOverdue(meeting(), '2026-11-15', 14)).toBe(false);
  });

  it('are not overdue once drafted or approved', () => {
    expect(minutesOverdue(meeting({ minutesStatus: 'draft' }), '2026-11-16', 14)).toBe(false);
    expect(minutesOverdue(meeting({ minutesStatus: 'approved' }), '2026-11-30', 14)).toBe(false);
  });

  it('are never due for a cancelled meeting, nor for one not yet held', () => {
    expect(minutesOverdue(meeting({ status: 'cancelled' }), '2026-11-30', 14)).toBe(false);
    expect(minutesOverdue(meeting({ status: 'scheduled' }), '2026-11-30', 14)).toBe(false);
  });

  it('count from the UK day of the meeting: 23:30 on a summer evening is that day, not the next', () => {
    // 23:30 BST on 1 July 2026 is 22:30 UTC the same day; 00:30 BST on 2 July is 23:30 UTC on 1 July.
    const late = meeting({ startsAt: new Date('2026-07-01T23:30:00Z') });
    expect(minutesDueOn(late, 14)).toBe('2026-07-16');
    expect(minutesOverdue(late, '2026-07-15', 14)).toBe(false);
    expect(minutesOverdue(late, '2026-07-16', 14)).toBe(true);
  });
});

import { longDate, minutesReminder } from './minutes-reminder.js';

const data = {
  meetingId: '0b7f4c1e-3f5a-4d2b-9c1e-5a6b7c8d9e0f',
  bodyId: '6f1c1f2e-8a1d-4a8e-9f55-0d2b3c4d5e6f',
  title: 'Lung network group, Q3',
  startsAt: '2026-11-02T10:00:00.000Z',
  heldOn: '2026-11-02',
  dueOn: '2026-11-16',
  daysSinceHeld: 14,
};

describe('the reminder that draft minutes are overdue', () => {
  it('names the meeting and the day it was held in its subject', () => {
    expect(minutesReminder(data, 'Lung network group').subject).toBe(
      'Draft minutes due: Lung network group, Q3 held on 2 November 2026',
    );
  });

  it('says when they were due and names the body, or its id when the body is not known', () => {
    expect(minutesReminder(data, 'Lung network group').text).toMatch(
      /were due on 16 November 2026, 14 days after the meeting[\s\S]*Body: Lung network group/,
    );
    expect(minutesReminder(data, null).text).toContain(`Body: ${data.bodyId}`);
  });

  it('writes a day as people do, whatever the time zone', () => {
    expect(longDate('2027-01-01')).toBe('1 January 2027');
  });
});

import { BANK_HOLIDAYS, SEEDED_THROUGH, type CalendarName } from '../calendar/bank-holidays.js';
import { WorkingCalendar } from '../calendar/working-days.js';
import { DEFAULT_POLICY } from '../policy/policy.schema.js';
import { calendarGapOf, planDeadlines } from './case-deadlines.js';

const calendarOf = (name: CalendarName) =>
  new WorkingCalendar(
    BANK_HOLIDAYS[name].map((holiday) => holiday.date),
    { name, through: SEEDED_THROUGH },
  );
const england = calendarOf('england-and-wales');
const scotland = calendarOf('scotland');

/** Noon UK time on a day, when a case opens. */
const noonOn = (date: string) => new Date(`${date}T12:00:00Z`);
const dueOn = (calendar: WorkingCalendar, date: string, kind: string) =>
  planDeadlines(DEFAULT_POLICY, calendar, 'group', 'acknowledge', noonOn(date)).find(
    (deadline) => deadline.kind === kind,
  )?.dueOn;

describe("deadlines on the case nation's calendar", () => {
  it('skips 3 January 2028 in England for a 5-day deadline opened on 23 December 2027', () => {
    // Fri 24 is day 1; Mon 27 and Tue 28 are Christmas's substitutes; Wed 29 to Fri 31 are days
    // 2 to 4; Mon 3 January is New Year's Day's substitute; Tue 4 is day 5.
    expect(DEFAULT_POLICY.levels.group.acknowledgeDays).toBe(5);
    expect(dueOn(england, '2027-12-23', 'acknowledge')).toBe('2028-01-04');
    // Without 2028's holidays the same deadline lands on the bank holiday.
    const unseeded = new WorkingCalendar(
      BANK_HOLIDAYS['england-and-wales'].map((h) => h.date).filter((d) => d < '2028-01-01'),
    );
    expect(dueOn(unseeded, '2027-12-23', 'acknowledge')).toBe('2028-01-03');
  });

  it("skips St Andrew's Day and works on Easter Monday in Scotland", () => {
    // Friday 27 November 2026; Monday 30 is St Andrew's Day in Scotland only.
    expect(scotland.addWorkingDays('2026-11-27', 1)).toBe('2026-12-01');
    expect(england.addWorkingDays('2026-11-27', 1)).toBe('2026-11-30');
    // Thursday 2 April 2026; Good Friday 3 in both, Easter Monday 6 in England only.
    expect(scotland.addWorkingDays('2026-04-02', 1)).toBe('2026-04-06');
    expect(england.addWorkingDays('2026-04-02', 1)).toBe('2026-04-07');
    // A 5-day acknowledgement from Wednesday 25 November 2026: Thu 26, Fri 27, Tue 1, Wed 2, Thu 3.
    expect(dueOn(scotland, '2026-11-25', 'acknowledge')).toBe('2026-12-03');
    expect(dueOn(england, '2026-11-25', 'acknowledge')).toBe('2026-12-02');
  });

  it('flags a deadline in 2029, past the seeded calendar, naming it and the calendar', () => {
    const plan = planDeadlines(
      DEFAULT_POLICY,
      scotland,
      'group',
      'acknowledge',
      noonOn('2028-12-01'),
    );
    const resolve = plan.find((deadline) => deadline.kind === 'resolve')?.dueOn;
    expect(resolve?.startsWith('2029-')).toBe(true);
    expect(calendarGapOf(plan, scotland)).toBe(
      `Deadline ${resolve} is after 2028-12-31, the last day the scotland calendar has bank holidays for: holidays after it count as working days until the calendar is extended`,
    );
  });

  it('flags nothing while every deadline is inside the calendar, or when it has no coverage', () => {
    const plan = planDeadlines(
      DEFAULT_POLICY,
      england,
      'group',
      'acknowledge',
      noonOn('2028-06-01'),
    );
    expect(plan.every((deadline) => deadline.dueOn <= '2028-12-31')).toBe(true);
    expect(calendarGapOf(plan, england)).toBeNull();
    const late = planDeadlines(
      DEFAULT_POLICY,
      england,
      'group',
      'acknowledge',
      noonOn('2028-12-01'),
    );
    expect(calendarGapOf(late, new WorkingCalendar([]))).toBeNull();
    expect(calendarGapOf(late, england)).toMatch(/^Deadline 2029-/);
  });
});

import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from './bank-holidays.js';
import { deadlineInstant, WorkingCalendar } from './working-days.js';

const calendar = new WorkingCalendar(ENGLAND_AND_WALES_BANK_HOLIDAYS.map((h) => h.date));
const noHolidays = new WorkingCalendar([]);

describe('WorkingCalendar', () => {
  it('works Monday to Friday except on holidays', () => {
    expect(calendar.isWorkingDay('2026-01-05')).toBe(true); // Monday
    expect(calendar.isWorkingDay('2026-01-09')).toBe(true); // Friday
    expect(calendar.isWorkingDay('2026-01-03')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2026-01-04')).toBe(false); // Sunday
    expect(calendar.isWorkingDay('2026-12-25')).toBe(false); // Christmas Day, a Friday
    expect(calendar.isWorkingDay('2026-12-28')).toBe(false); // Boxing Day's substitute Monday
    expect(calendar.isWorkingDay('2026-12-29')).toBe(true);
    expect(noHolidays.isWorkingDay('2026-12-25')).toBe(true);
  });

  it('skips weekends and bank holidays over Christmas and New Year', () => {
    // From Thursday 24 December 2026: Fri 25 is Christmas Day, Sat 26 and Sun 27 the weekend,
    // Mon 28 the substitute for Boxing Day; Tue 29, Wed 30 and Thu 31 are days 1 to 3; Fri 1
    // January 2027 is New Year's Day, then the weekend; Mon 4 is day 4 and Tue 5 day 5.
    expect(calendar.addWorkingDays('2026-12-24', 5)).toBe('2027-01-05');
    expect(calendar.addWorkingDays('2026-12-24', 1)).toBe('2026-12-29');
    // Without the holidays only the weekend is skipped: Fri 25, Mon 28, Tue 29, Wed 30, Thu 31.
    expect(noHolidays.addWorkingDays('2026-12-24', 5)).toBe('2026-12-31');
  });

  it('skips Good Friday and Easter Monday 2026', () => {
    // Thursday 2 April; Good Friday 3, the weekend, Easter Monday 6; Tuesday 7 is the next.
    expect(calendar.addWorkingDays('2026-04-02', 1)).toBe('2026-04-07');
    expect(calendar.addWorkingDays('2026-04-02', 2)).toBe('2026-04-08');
    expect(calendar.workingDaysBetween('2026-04-02', '2026-04-07')).toBe(1);
    expect(calendar.workingDaysBetween('2026-04-02', '2026-04-06')).toBe(0);
  });

  it('with n = 0 keeps a working day and moves any other day to the next working day', () => {
    expect(calendar.addWorkingDays('2026-04-02', 0)).toBe('2026-04-02');
    expect(calendar.addWorkingDays('2026-04-03', 0)).toBe('2026-04-07'); // Good Friday
    expect(calendar.addWorkingDays('2026-04-04', 0)).toBe('2026-04-07'); // Easter Saturday
    // From a day off, day 0 and day 1 are the same day; from a working day they are not.
    expect(calendar.addWorkingDays('2026-04-04', 1)).toBe('2026-04-07');
    expect(calendar.addWorkingDays('2026-04-07', 1)).toBe('2026-04-08');
  });

  it('counts working days between two dates in either direction', () => {
    expect(calendar.workingDaysBetween('2026-12-24', '2027-01-05')).toBe(5);
    expect(calendar.workingDaysBetween('2027-01-05', '2026-12-24')).toBe(-5);
    expect(calendar.workingDaysBetween('2026-03-06', '2026-03-09')).toBe(1); // Friday to Monday
    expect(calendar.workingDaysBetween('2026-03-09', '2026-03-06')).toBe(-1);
    expect(calendar.workingDaysBetween('2026-03-06', '2026-03-08')).toBe(0); // Friday to Sunday
    expect(calendar.workingDaysBetween('2026-03-06', '2026-03-06')).toBe(0);
  });

  it('counts back to n from every start day over the holidays', () => {
    for (let day = 1; day <= 31; day += 1) {
      const start = `2026-12-${String(day).padStart(2, '0')}`;
      for (let n = 1; n <= 15; n += 1) {
        const end = calendar.addWorkingDays(start, n);
        expect([start, n, calendar.workingDaysBetween(start, end)]).toEqual([start, n, n]);
        expect(calendar.isWorkingDay(end)).toBe(true);
      }
    }
  });

  it('puts reminders at half and four fifths of a 10-working-day deadline', () => {
    // From Monday 2 March 2026 (no holidays): day 5 is Monday 9, day 8 Thursday 12, day 10 Monday 16.
    const plain = calendar.addWorkingDays('2026-03-02', 10);
    expect(plain).toBe('2026-03-16');
    expect(calendar.fractionPoint('2026-03-02', plain, 0.5)).toBe('2026-03-09');
    expect(calendar.fractionPoint('2026-03-02', plain, 0.8)).toBe('2026-03-12');
    expect(calendar.fractionPoint('2026-03-02', plain, 1)).toBe(plain);

    // From Wednesday 1 April 2026 over Easter: Thu 2 is day 1, then Tue 7 to Fri 10 are days 2
    // to 5, Mon 13 to Fri 17 days 6 to 10.
    const easter = calendar.addWorkingDays('2026-04-01', 10);
    expect(easter).toBe('2026-04-17');
    expect(calendar.fractionPoint('2026-04-01', easter, 0.5)).toBe('2026-04-10');
    expect(calendar.fractionPoint('2026-04-01', easter, 0.8)).toBe('2026-04-15');
  });

  it('rounds a reminder up to a whole working day without floating-point slips', () => {
    // 7 is the 7th working day after Monday 2 March 2026: Tue 3 to Fri 6, then Mon 9 to Wed 11.
    const deadline = calendar.addWorkingDays('2026-03-02', 25);
    expect(calendar.fractionPoint('2026-03-02', deadline, 0.28)).toBe('2026-03-11');
    // ceil(0.5 * 5) = 3: Tuesday 3, Wednesday 4, Thursday 5.
    expect(calendar.fractionPoint('2026-03-02', '2026-03-09', 0.5)).toBe('2026-03-05');
  });

  it('keeps a reminder between the first working day after the start and the deadline', () => {
    // A tiny fraction still waits for the first working day after the start, Tuesday 29 December.
    expect(calendar.fractionPoint('2026-12-24', '2027-01-05', 0.01)).toBe('2026-12-29');
    // No working day in between: the reminder falls on the deadline, not after it.
    expect(calendar.fractionPoint('2026-12-24', '2026-12-24', 0.5)).toBe('2026-12-24');
    expect(calendar.fractionPoint('2026-12-24', '2026-12-28', 0.5)).toBe('2026-12-28');
  });

  it('rejects bad arguments with a RangeError naming them', () => {
    expect(() => calendar.isWorkingDay('2026-02-30')).toThrow(/^date is not a calendar date/);
    expect(() => calendar.addWorkingDays('2026-3-2', 1)).toThrow(/^date must be/);
    expect(() => calendar.addWorkingDays('2026-03-02', -1)).toThrow(/^n must be/);
    expect(() => calendar.addWorkingDays('2026-03-02', 1.5)).toThrow(/^n must be/);
    expect(() => calendar.workingDaysBetween('0026-03-02', '2026-03-02')).toThrow(/^from /);
    expect(() => calendar.workingDaysBetween('2026-03-02', '')).toThrow(/^to /);
    expect(() => calendar.fractionPoint('2026-03-09', '2026-03-02', 0.5)).toThrow(
      /^deadline 2026-03-02 is before from/,
    );
    expect(() => calendar.fractionPoint('2026-03-02', '2026-03-16', 0)).toThrow(/^fraction /);
    expect(() => calendar.fractionPoint('2026-03-02', '2026-03-16', 1.2)).toThrow(/^fraction /);
    expect(() => calendar.fractionPoint('2026-03-02', '2026-03-16', NaN)).toThrow(/^fraction /);
    expect(() => new WorkingCalendar(['2026-13-01'])).toThrow(/^holidays /);
    expect(() => calendar.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-03-02', -1)).toThrow(RangeError);
  });
});

describe('deadlineInstant', () => {
  it('ends a London working day at 17:00 GMT in winter and 16:00 UTC in summer', () => {
    expect(deadlineInstant('2026-01-15').toISOString()).toBe('2026-01-15T17:00:00.000Z');
    expect(deadlineInstant('2026-07-15').toISOString()).toBe('2026-07-15T16:00:00.000Z');
  });

  it('follows the clock changes of 29 March and 25 October 2026', () => {
    expect(deadlineInstant('2026-03-27').toISOString()).toBe('2026-03-27T17:00:00.000Z');
    expect(deadlineInstant('2026-03-29').toISOString()).toBe('2026-03-29T16:00:00.000Z');
    expect(deadlineInstant('2026-03-30').toISOString()).toBe('2026-03-30T16:00:00.000Z');
    expect(deadlineInstant('2026-10-23').toISOString()).toBe('2026-10-23T16:00:00.000Z');
    expect(deadlineInstant('2026-10-25').toISOString()).toBe('2026-10-25T17:00:00.000Z');
    expect(deadlineInstant('2026-10-26').toISOString()).toBe('2026-10-26T17:00:00.000Z');
  });

  it('takes another time of day and another zone', () => {
    expect(deadlineInstant('2026-07-15', 'Europe/London', '09:30').toISOString()).toBe(
      '2026-07-15T08:30:00.000Z',
    );
    expect(deadlineInstant('2026-07-15', 'America/New_York').toISOString()).toBe(
      '2026-07-15T21:00:00.000Z',
    );
    // New York's clocks go forward at 07:00Z on 8 March 2026: 03:30 that morning is already
    // daylight time, which a single reading of the offset (taken at 03:30Z, still standard
    // time) would put an hour late.
    expect(deadlineInstant('2026-03-08', 'America/New_York', '03:30').toISOString()).toBe(
      '2026-03-08T07:30:00.000Z',
    );
    expect(deadlineInstant('2026-01-15', 'UTC', '00:00').toISOString()).toBe(
      '2026-01-15T00:00:00.000Z',
    );
  });

  it('rejects bad arguments with a RangeError naming them', () => {
    expect(() => deadlineInstant('2026-02-29')).toThrow(/^date /);
    expect(() => deadlineInstant('2026-07-15', 'Europe/Atlantis')).toThrow(/^timeZone /);
    expect(() => deadlineInstant('2026-07-15', 'Europe/London', '24:00')).toThrow(/^time /);
    expect(() => deadlineInstant('2026-07-15', 'Europe/London', '5pm')).toThrow(RangeError);
  });
});

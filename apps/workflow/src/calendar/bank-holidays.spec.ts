import {
  BANK_HOLIDAYS,
  CALENDARS,
  ENGLAND_AND_WALES_BANK_HOLIDAYS as HOLIDAYS,
  NORTHERN_IRELAND_BANK_HOLIDAYS,
  SCOTLAND_BANK_HOLIDAYS,
  SEEDED_THROUGH,
  type CalendarName,
} from './bank-holidays.js';

const DAY_MS = 86_400_000;
const YEARS = [2025, 2026, 2027, 2028];

const utc = (year: number, month: number, day: number): Date =>
  new Date(Date.UTC(year, month - 1, day));
const iso = (date: Date): string => date.toISOString().slice(0, 10);
const plusDays = (date: Date, days: number): Date => new Date(date.getTime() + days * DAY_MS);
const isWeekend = (date: Date): boolean => date.getUTCDay() === 0 || date.getUTCDay() === 6;

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return utc(year, month, day);
}

/** The Monday on or after `date`. */
const mondayFrom = (date: Date): Date => plusDays(date, (8 - date.getUTCDay()) % 7);

/** Fixed-date holidays observed on the next weekday that is not already a holiday. */
function observe(fixed: readonly Date[]): string[] {
  const observed = new Set<string>();
  // A fixed holiday at a weekend moves to the next weekday that is not already a holiday,
  // so a Saturday Christmas gives Monday 27 and a Sunday Boxing Day then Tuesday 28.
  for (const day of fixed.filter((d) => !isWeekend(d))) {
    observed.add(iso(day));
  }
  for (const day of fixed.filter(isWeekend)) {
    let substitute = day;
    while (isWeekend(substitute) || observed.has(iso(substitute))) {
      substitute = plusDays(substitute, 1);
    }
    observed.add(iso(substitute));
  }
  return [...observed];
}

/**
 * The year's holidays in a calendar from the rules in the Banking and Financial Dealings Act
 * 1971 (and, for St Andrew's Day, the 2007 Scottish Act) and the royal proclamations that
 * follow them, written independently of the lists under test.
 */
function expectedDates(year: number, calendar: CalendarName = 'england-and-wales'): string[] {
  const easter = easterSunday(year);
  const lastMonday = (month: number) => plusDays(mondayFrom(utc(year, month + 1, 1)), -7);
  const shared = [
    iso(plusDays(easter, -2)), // Good Friday
    iso(mondayFrom(utc(year, 5, 1))), // first Monday in May
    iso(lastMonday(5)), // last Monday in May
  ];
  if (calendar === 'scotland') {
    return [
      ...observe([utc(year, 1, 1), utc(year, 1, 2), utc(year, 12, 25), utc(year, 12, 26)]),
      ...shared,
      iso(mondayFrom(utc(year, 8, 1))), // first Monday in August
      // St Andrew's Day, or the Monday after it at a weekend.
      iso(isWeekend(utc(year, 11, 30)) ? mondayFrom(utc(year, 11, 30)) : utc(year, 11, 30)),
    ].sort();
  }
  const irish =
    calendar === 'northern-ireland'
      ? observe([utc(year, 3, 17)]).concat(observe([utc(year, 7, 12)]))
      : [];
  return [
    ...observe([utc(year, 1, 1), utc(year, 12, 25), utc(year, 12, 26)]),
    ...shared,
    iso(plusDays(easter, 1)), // Easter Monday
    iso(lastMonday(8)), // last Monday in August
    ...irish,
  ].sort();
}

describe('England and Wales bank holidays', () => {
  it('computes Easter Sunday correctly for the years listed', () => {
    // Published dates, so a slip in the algorithm cannot pass unnoticed.
    expect(YEARS.map((year) => iso(easterSunday(year)))).toEqual([
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
      '2028-04-16',
    ]);
  });

  it('lists only real calendar dates, each a weekday, in order and without repeats', () => {
    for (const { date } of HOLIDAYS) {
      expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const day = new Date(`${date}T00:00:00Z`);
      expect(iso(day)).toBe(date);
      expect([date, isWeekend(day)]).toEqual([date, false]);
    }
    const dates = HOLIDAYS.map((h) => h.date);
    expect(dates).toEqual([...new Set(dates)].sort());
  });

  it('lists Good Friday on a Friday and Easter Monday on a Monday, two and one days from Easter', () => {
    for (const year of YEARS) {
      const easter = easterSunday(year);
      const goodFriday = HOLIDAYS.find(
        (h) => h.name === 'Good Friday' && h.date.startsWith(`${year}`),
      );
      const easterMonday = HOLIDAYS.find(
        (h) => h.name === 'Easter Monday' && h.date.startsWith(`${year}`),
      );
      expect(goodFriday?.date).toBe(iso(plusDays(easter, -2)));
      expect(easterMonday?.date).toBe(iso(plusDays(easter, 1)));
      expect(new Date(`${goodFriday?.date}T00:00:00Z`).getUTCDay()).toBe(5);
      expect(new Date(`${easterMonday?.date}T00:00:00Z`).getUTCDay()).toBe(1);
    }
  });

  it('holds exactly the eight holidays the rules give for each year', () => {
    for (const year of YEARS) {
      const listed = HOLIDAYS.filter((h) => h.date.startsWith(`${year}-`)).map((h) => h.date);
      expect([year, listed]).toEqual([year, expectedDates(year)]);
    }
    expect(HOLIDAYS).toHaveLength(32);
  });

  it('names the substitute days', () => {
    const substitutes = HOLIDAYS.filter((h) => h.name.endsWith('(substitute day)'));
    expect(substitutes).toEqual([
      { date: '2026-12-28', name: 'Boxing Day (substitute day)' },
      { date: '2027-12-27', name: 'Christmas Day (substitute day)' },
      { date: '2027-12-28', name: 'Boxing Day (substitute day)' },
      { date: '2028-01-03', name: "New Year's Day (substitute day)" },
    ]);
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(HOLIDAYS)).toBe(true);
  });
});

describe("each nation's calendar", () => {
  it('holds the holidays the rules give for each year, through the last seeded day', () => {
    for (const calendar of CALENDARS) {
      const list = BANK_HOLIDAYS[calendar];
      for (const year of YEARS) {
        const listed = list.filter((h) => h.date.startsWith(`${year}-`)).map((h) => h.date);
        expect([calendar, year, listed]).toEqual([calendar, year, expectedDates(year, calendar)]);
      }
      const dates = list.map((h) => h.date);
      expect(dates).toEqual([...new Set(dates)].sort());
      expect(dates.at(-1)! <= SEEDED_THROUGH).toBe(true);
      expect(dates.at(-1)!.slice(0, 4)).toBe(SEEDED_THROUGH.slice(0, 4));
      expect(Object.isFrozen(list)).toBe(true);
    }
  });

  it("gives Scotland 2 January, the first Monday of August and St Andrew's Day, but no Easter Monday", () => {
    const names = (year: number) =>
      SCOTLAND_BANK_HOLIDAYS.filter((h) => h.date.startsWith(`${year}-`));
    expect(SCOTLAND_BANK_HOLIDAYS.some((h) => h.name === 'Easter Monday')).toBe(false);
    expect(names(2025)).toContainEqual({
      date: '2025-12-01',
      name: "St Andrew's Day (substitute day)",
    });
    expect(names(2026)).toContainEqual({ date: '2026-08-03', name: 'Summer bank holiday' });
    expect(names(2027)).toContainEqual({
      date: '2027-01-04',
      name: '2nd January (substitute day)',
    });
    expect(
      names(2028)
        .map((h) => h.date)
        .slice(0, 2),
    ).toEqual(['2028-01-03', '2028-01-04']);
    expect(names(2028)).toHaveLength(9);
  });

  it("gives Northern Ireland St Patrick's Day and the Battle of the Boyne, with substitutes", () => {
    const irish = NORTHERN_IRELAND_BANK_HOLIDAYS.filter(
      (h) => !HOLIDAYS.some((english) => english.date === h.date),
    );
    expect(irish.map((h) => h.date)).toEqual([
      '2025-03-17',
      '2025-07-14',
      '2026-03-17',
      '2026-07-13',
      '2027-03-17',
      '2027-07-12',
      '2028-03-17',
      '2028-07-12',
    ]);
    expect(NORTHERN_IRELAND_BANK_HOLIDAYS).toHaveLength(40);
  });
});

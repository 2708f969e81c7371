import type { NATIONS } from '#contracts';

/** A bank holiday on the day it is observed (a substitute day when the holiday falls at a weekend). */
export interface BankHoliday {
  /** Calendar date, YYYY-MM-DD. */
  readonly date: string;
  readonly name: string;
}

/** The UK's three bank-holiday calendars: Wales shares England's. */
export const CALENDARS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export type CalendarName = (typeof CALENDARS)[number];

/** The calendar an alliance's deadlines are counted on, from its nation. */
export const CALENDAR_OF_NATION: Readonly<Record<(typeof NATIONS)[number], CalendarName>> =
  Object.freeze({
    england: 'england-and-wales',
    wales: 'england-and-wales',
    scotland: 'scotland',
    'northern-ireland': 'northern-ireland',
  });

/** The calendar of a case whose alliance's nation is not known (yet). */
export const DEFAULT_CALENDAR: CalendarName = 'england-and-wales';

/** The last day the seeded lists cover; a deadline after it is flagged, not trusted. */
export const SEEDED_THROUGH = '2028-12-31';

/**
 * England and Wales, 2025 to 2028, as published on GOV.UK (gov.uk/bank-holidays), with the
 * substitute days that replace holidays falling at a weekend. These seed the editable calendar
 * table: a one-off holiday proclaimed later (a coronation, a jubilee) is added there, not here.
 * 2028 was not yet on GOV.UK when this was written: it follows the Banking and Financial
 * Dealings Act 1971's rules and the usual proclamations (3 January for a Saturday New Year's Day).
 */
export const ENGLAND_AND_WALES_BANK_HOLIDAYS: readonly BankHoliday[] = Object.freeze([
  { date: '2025-01-01', name: "New Year's Day" },
  { date: '2025-04-18', name: 'Good Friday' },
  { date: '2025-04-21', name: 'Easter Monday' },
  { date: '2025-05-05', name: 'Early May bank holiday' },
  { date: '2025-05-26', name: 'Spring bank holiday' },
  { date: '2025-08-25', name: 'Summer bank holiday' },
  { date: '2025-12-25', name: 'Christmas Day' },
  { date: '2025-12-26', name: 'Boxing Day' },

  { date: '2026-01-01', name: "New Year's Day" },
  { date: '2026-04-03', name: 'Good Friday' },
  { date: '2026-04-06', name: 'Easter Monday' },
  { date: '2026-05-04', name: 'Early May bank holiday' },
  { date: '2026-05-25', name: 'Spring bank holiday' },
  { date: '2026-08-31', name: 'Summer bank holiday' },
  { date: '2026-12-25', name: 'Christmas Day' },
  // Boxing Day is a Saturday.
  { date: '2026-12-28', name: 'Boxing Day (substitute day)' },

  { date: '2027-01-01', name: "New Year's Day" },
  { date: '2027-03-26', name: 'Good Friday' },
  { date: '2027-03-29', name: 'Easter Monday' },
  { date: '2027-05-03', name: 'Early May bank holiday' },
  { date: '2027-05-31', name: 'Spring bank holiday' },
  { date: '2027-08-30', name: 'Summer bank holiday' },
  // Christmas Day is a Saturday and Boxing Day a Sunday.
  { date: '2027-12-27', name: 'Christmas Day (substitute day)' },
  { date: '2027-12-28', name: 'Boxing Day (substitute day)' },

  // New Year's Day is a Saturday.
  { date: '2028-01-03', name: "New Year's Day (substitute day)" },
  { date: '2028-04-14', name: 'Good Friday' },
  { date: '2028-04-17', name: 'Easter Monday' },
  { date: '2028-05-01', name: 'Early May bank holiday' },
  { date: '2028-05-29', name: 'Spring bank holiday' },
  { date: '2028-08-28', name: 'Summer bank holiday' },
  { date: '2028-12-25', name: 'Christmas Day' },
  { date: '2028-12-26', name: 'Boxing Day' },
]);

/**
 * Scotland, 2025 to 2028, as published on GOV.UK (gov.uk/bank-holidays) and mygov.scot: 2 January
 * and St Andrew's Day (30 November, the Monday after when it falls at a weekend, St Andrew's Day
 * Bank Holiday (Scotland) Act 2007), the first Monday of August, and no Easter Monday. 2028 was
 * not yet published when this was written: it follows the same rules (New Year's Day on a
 * Saturday and 2 January on a Sunday give Monday 3 and Tuesday 4 January, as in 2022).
 */
export const SCOTLAND_BANK_HOLIDAYS: readonly BankHoliday[] = Object.freeze([
  { date: '2025-01-01', name: "New Year's Day" },
  { date: '2025-01-02', name: '2nd January' },
  { date: '2025-04-18', name: 'Good Friday' },
  { date: '2025-05-05', name: 'Early May bank holiday' },
  { date: '2025-05-26', name: 'Spring bank holiday' },
  { date: '2025-08-04', name: 'Summer bank holiday' },
  // 30 November is a Sunday.
  { date: '2025-12-01', name: "St Andrew's Day (substitute day)" },
  { date: '2025-12-25', name: 'Christmas Day' },
  { date: '2025-12-26', name: 'Boxing Day' },

  { date: '2026-01-01', name: "New Year's Day" },
  { date: '2026-01-02', name: '2nd January' },
  { date: '2026-04-03', name: 'Good Friday' },
  { date: '2026-05-04', name: 'Early May bank holiday' },
  { date: '2026-05-25', name: 'Spring bank holiday' },
  { date: '2026-08-03', name: 'Summer bank holiday' },
  { date: '2026-11-30', name: "St Andrew's Day" },
  { date: '2026-12-25', name: 'Christmas Day' },
  { date: '2026-12-28', name: 'Boxing Day (substitute day)' },

  { date: '2027-01-01', name: "New Year's Day" },
  // 2 January is a Saturday.
  { date: '2027-01-04', name: '2nd January (substitute day)' },
  { date: '2027-03-26', name: 'Good Friday' },
  { date: '2027-05-03', name: 'Early May bank holiday' },
  { date: '2027-05-31', name: 'Spring bank holiday' },
  { date: '2027-08-02', name: 'Summer bank holiday' },
  { date: '2027-11-30', name: "St Andrew's Day" },
  { date: '2027-12-27', name: 'Christmas Day (substitute day)' },
  { date: '2027-12-28', name: 'Boxing Day (substitute day)' },

  { date: '2028-01-03', name: "New Year's Day (substitute day)" },
  { date: '2028-01-04', name: '2nd January (substitute day)' },
  { date: '2028-04-14', name: 'Good Friday' },
  { date: '2028-05-01', name: 'Early May bank holiday' },
  { date: '2028-05-29', name: 'Spring bank holiday' },
  { date: '2028-08-07', name: 'Summer bank holiday' },
  { date: '2028-11-30', name: "St Andrew's Day" },
  { date: '2028-12-25', name: 'Christmas Day' },
  { date: '2028-12-26', name: 'Boxing Day' },
]);

/**
 * Northern Ireland, 2025 to 2028, as published on GOV.UK (gov.uk/bank-holidays): England's
 * eight and St Patrick's Day (17 March) and the Battle of the Boyne (12 July), each with a
 * substitute Monday when it falls at a weekend. 2028 follows the same rules (not yet published
 * when this was written).
 */
export const NORTHERN_IRELAND_BANK_HOLIDAYS: readonly BankHoliday[] = Object.freeze(
  [
    ...ENGLAND_AND_WALES_BANK_HOLIDAYS,
    { date: '2025-03-17', name: "St Patrick's Day" },
    // 12 July is a Saturday.
    { date: '2025-07-14', name: "Battle of the Boyne (Orangemen's Day) (substitute day)" },
    { date: '2026-03-17', name: "St Patrick's Day" },
    // 12 July is a Sunday.
    { date: '2026-07-13', name: "Battle of the Boyne (Orangemen's Day) (substitute day)" },
    { date: '2027-03-17', name: "St Patrick's Day" },
    { date: '2027-07-12', name: "Battle of the Boyne (Orangemen's Day)" },
    { date: '2028-03-17', name: "St Patrick's Day" },
    { date: '2028-07-12', name: "Battle of the Boyne (Orangemen's Day)" },
  ].sort((a, b) => a.date.localeCompare(b.date)),
);

/**
 * Each calendar's holidays as migration NationCalendars1796440873628 seeded them into the
 * editable table (the table, not these lists, is what deadlines count on). A later year goes in
 * a new list and a new migration, never an edit of these.
 */
export const BANK_HOLIDAYS: Readonly<Record<CalendarName, readonly BankHoliday[]>> = Object.freeze({
  'england-and-wales': ENGLAND_AND_WALES_BANK_HOLIDAYS,
  scotland: SCOTLAND_BANK_HOLIDAYS,
  'northern-ireland': NORTHERN_IRELAND_BANK_HOLIDAYS,
});

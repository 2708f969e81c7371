/** A bank holiday on the day it is observed (a substitute day when the holiday falls at a weekend). */
export interface BankHoliday {
  /** Calendar date, YYYY-MM-DD. */
  readonly date: string;
  readonly name: string;
}

/**
 * England and Wales bank holidays for 2025 to 2027, as published on GOV.UK, with the substitute
 * days that replace holidays falling at a weekend. These seed the editable calendar table: a
 * one-off holiday proclaimed later (a coronation, a jubilee) is added there, not here, and a
 * deadline beyond 2027 needs the table extended first.
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
]);

import { z } from 'zod';

/**
 * The reporting month the waiting-times contracts speak in, `YYYY-MM`, and its arithmetic:
 * the performance service's periods, the breach subjects' months and the case titles all
 * count in it.
 */
export const periodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');

/** The months as the NHS publications abbreviate them, January first. */
export const MONTH_ABBREVIATIONS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

/** A YYYY-MM month as a count of months since year 0, so months can be added and subtracted. */
function monthIndex(period: string): number {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return year * 12 + (month - 1);
}

/** The month `months` after a YYYY-MM month (before it when negative). */
export function addMonths(period: string, months: number): string {
  const index = monthIndex(period) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** How many months `to` is after `from` (negative when before). */
export function monthsBetween(from: string, to: string): number {
  return monthIndex(to) - monthIndex(from);
}

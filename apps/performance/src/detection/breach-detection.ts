import { addMonths } from '#contracts';

/** One month of a standard for an alliance and tumour site, with the target in force then. */
export interface MonthResult {
  period: string; // YYYY-MM
  /** Share within the standard, 0 to 1. */
  performance: number;
  target: number;
}

export type Announcement<M extends MonthResult = MonthResult> =
  | {
      kind: 'breached';
      period: string;
      value: number;
      target: number;
      gap: number;
      /** The consecutive months below target, oldest first. */
      months: M[];
    }
  | { kind: 'recovered'; period: string; value: number; target: number };

/**
 * What a series should have announced: a breach when the standard is below target for
 * `monthsToBreach` consecutive periods, `stepMonths` apart (a missing period breaks the run), a recovery
 * at the first month back on target after a breach. The same series always gives the same
 * announcements, each identified by its kind and period, so the caller announces only those it
 * has not announced before: running detection again on the same data announces nothing new.
 */
export function detectBreaches<M extends MonthResult>(
  series: readonly M[],
  monthsToBreach: number,
  stepMonths = 1,
): Announcement<M>[] {
  if (!Number.isInteger(monthsToBreach) || monthsToBreach < 1) {
    throw new RangeError('monthsToBreach is a whole number of at least 1');
  }
  const months = [...series].sort((a, b) => a.period.localeCompare(b.period));
  const announcements: Announcement<M>[] = [];
  let run: M[] = [];
  let breached = false;
  for (const month of months) {
    const below = month.performance < month.target;
    const continues = run.length > 0 && addMonths(run.at(-1)!.period, stepMonths) === month.period;
    if (!below) {
      run = [];
      if (breached) {
        breached = false;
        announcements.push({
          kind: 'recovered',
          period: month.period,
          value: month.performance,
          target: month.target,
        });
      }
      continue;
    }
    run = continues ? [...run, month] : [month];
    if (!breached && run.length >= monthsToBreach) {
      breached = true;
      announcements.push({
        kind: 'breached',
        period: month.period,
        value: month.performance,
        target: month.target,
        gap: Number((month.target - month.performance).toFixed(4)),
        months: run,
      });
    }
  }
  return announcements;
}

import { addMonths } from '#contracts';

/** One month of a standard for an alliance and tumour site, with the target it is judged against. */
export interface MonthResult {
  period: string; // YYYY-MM
  /** Share within the standard, 0 to 1. */
  performance: number;
  target: number;
  /** Patients counted in the month (the share's denominator). */
  total: number;
}

/** The standard's detection rules, as data (see the standard entity). */
export interface DetectionRules {
  /** Consecutive periods below target before a breach is announced. */
  monthsToBreach: number;
  /** Consecutive periods back on target before a recovery is announced. */
  monthsToRecover: number;
  /** A period with fewer patients than this neither breaches nor recovers. */
  minDenominator: number;
  /** Months between periods: 3 for a standard published quarterly. */
  stepMonths?: number;
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
 * What a series should have announced. The same series always gives the same announcements,
 * each identified by its kind and period, so the caller announces only those it has not
 * announced before: running detection again on the same data announces nothing new.
 *
 * - A breach: `monthsToBreach` consecutive periods below target (a missing period breaks the run).
 * - A recovery: `monthsToRecover` consecutive periods back on target after a breach.
 * - A period with fewer than `minDenominator` patients is passed over: it neither counts towards
 *   a breach or a recovery nor breaks a run (a handful of patients is no evidence either way).
 * - A change of target never moves the state by itself. A period counts as below target only if
 *   it is below both its own target and the one before it, and as on target only if it is at or
 *   above both; a period between the two (the target changed around it) counts as neither.
 *   While breached, a period is back on target only at or above the target the breach was
 *   announced against too: a lower target later (a new year's figure, a change of basis) does
 *   not recover a breach; only performance does.
 */
export function detectBreaches<M extends MonthResult>(
  series: readonly M[],
  rules: DetectionRules,
): Announcement<M>[] {
  for (const name of ['monthsToBreach', 'monthsToRecover'] as const) {
    if (!Number.isInteger(rules[name]) || rules[name] < 1) {
      throw new RangeError(`${name} is a whole number of at least 1`);
    }
  }
  if (!(rules.minDenominator >= 0)) {
    throw new RangeError('minDenominator is a number of patients, 0 or more');
  }
  const step = rules.stepMonths ?? 1;
  const months = [...series].sort((a, b) => a.period.localeCompare(b.period));
  const announcements: Announcement<M>[] = [];
  let below: M[] = [];
  let onTarget = 0;
  let breachTarget: number | null = null;
  let previous: M | undefined;
  for (const month of months) {
    const consecutive = previous !== undefined && addMonths(previous.period, step) === month.period;
    if (!consecutive) {
      below = [];
      onTarget = 0;
    }
    const priorTarget = consecutive ? previous!.target : month.target;
    previous = month;
    if (month.total < rules.minDenominator) {
      continue;
    }
    if (breachTarget === null) {
      if (month.performance < month.target && month.performance < priorTarget) {
        below = [...below, month];
      } else if (month.performance >= month.target && month.performance >= priorTarget) {
        below = [];
      }
      if (below.length >= rules.monthsToBreach) {
        breachTarget = month.target;
        announcements.push({
          kind: 'breached',
          period: month.period,
          value: month.performance,
          target: month.target,
          gap: Number((month.target - month.performance).toFixed(4)),
          months: below,
        });
        below = [];
        onTarget = 0;
      }
      continue;
    }
    const bar = Math.max(month.target, priorTarget, breachTarget);
    onTarget = month.performance >= bar ? onTarget + 1 : 0;
    if (onTarget >= rules.monthsToRecover) {
      breachTarget = null;
      onTarget = 0;
      announcements.push({
        kind: 'recovered',
        period: month.period,
        value: month.performance,
        target: month.target,
      });
    }
  }
  return announcements;
}

/**
 * Whether the series is in breach at `period` by these announcements: the last of them up to
 * that period is a breach.
 */
export function breachedAt(announcements: readonly Announcement[], period: string): boolean {
  const upTo = announcements.filter((announcement) => announcement.period <= period);
  return upTo.at(-1)?.kind === 'breached';
}

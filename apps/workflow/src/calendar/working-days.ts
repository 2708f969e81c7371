const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * Days since 1970-01-01 for a YYYY-MM-DD calendar date. Dates are handled as whole UTC days so
 * that neither the server's time zone nor a clock change can move one.
 */
function toDay(value: unknown, argument: string): number {
  const match = typeof value === 'string' ? DATE.exec(value) : null;
  if (!match) {
    throw new RangeError(`${argument} must be a YYYY-MM-DD date, got ${String(value)}`);
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2026-02-30 over into March (and reads years 0-99 as 1900-1999): reject
  // anything that does not come back as written.
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    throw new RangeError(`${argument} is not a calendar date: ${String(value)}`);
  }
  return date.getTime() / DAY_MS;
}

function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Working days for deadlines counted in working days: Monday to Friday, less the holidays it is
 * given (the bank holidays of the case's nation for escalation policies). Every date in and out is a
 * calendar date written YYYY-MM-DD; a bad one throws a RangeError naming the argument.
 */
export class WorkingCalendar {
  private readonly holidays: ReadonlySet<number>;
  private readonly coveredThrough: number | null;

  /**
   * `coverage` names the calendar and the last day its holidays are known for: past that day
   * every weekday counts as working, which `beyondCoverage` lets a caller flag.
   */
  constructor(
    holidays: Iterable<string>,
    readonly coverage: { readonly name: string; readonly through: string } | null = null,
  ) {
    this.holidays = new Set([...holidays].map((date) => toDay(date, 'holidays')));
    this.coveredThrough = coverage ? toDay(coverage.through, 'coverage.through') : null;
  }

  /** Whether `date` is after the last day the calendar's holidays are known for. */
  beyondCoverage(date: string): boolean {
    return this.coveredThrough !== null && toDay(date, 'date') > this.coveredThrough;
  }

  /** Whether `date` is a Monday to Friday that is not a holiday. */
  isWorkingDay(date: string): boolean {
    return this.isWorking(toDay(date, 'date'));
  }

  /**
   * The `n`th working day after `date`. With `n` = 0, `date` itself when it is a working day,
   * otherwise the next working day (the day work on something raised at a weekend can start).
   */
  addWorkingDays(date: string, n: number): string {
    let day = toDay(date, 'date');
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new RangeError(`n must be a whole number of at least 0, got ${n}`);
    }
    if (n === 0) {
      while (!this.isWorking(day)) {
        day += 1;
      }
      return fromDay(day);
    }
    for (let counted = 0; counted < n;) {
      day += 1;
      if (this.isWorking(day)) {
        counted += 1;
      }
    }
    return fromDay(day);
  }

  /**
   * The working days after `from` up to and including `to`, negative when `to` is before `from`,
   * so that `workingDaysBetween(d, addWorkingDays(d, n))` is `n` for a working day `d`.
   */
  workingDaysBetween(from: string, to: string): number {
    const start = toDay(from, 'from');
    const end = toDay(to, 'to');
    const [low, high] = start <= end ? [start, end] : [end, start];
    let count = 0;
    for (let day = low + 1; day <= high; day += 1) {
      if (this.isWorking(day)) {
        count += 1;
      }
    }
    return start <= end ? count : -count;
  }

  /**
   * The day a reminder at `fraction` (0 to 1, say 0.5 or 0.8) of the way to `deadline` falls on:
   * the working day `ceil(fraction * total)` working days after `from`, where `total` is the
   * working days from `from` to `deadline`. It is never before the first working day after
   * `from` and never after `deadline`; when no working day separates them, that is `deadline`.
   */
  fractionPoint(from: string, deadline: string, fraction: number): string {
    const start = toDay(from, 'from');
    if (toDay(deadline, 'deadline') < start) {
      throw new RangeError(`deadline ${deadline} is before from ${from}`);
    }
    if (!Number.isFinite(fraction) || fraction <= 0 || fraction > 1) {
      throw new RangeError(`fraction must be more than 0 and at most 1, got ${fraction}`);
    }
    // 0.28 * 25 is 7.000000000000001 in binary floating point: without the tolerance the
    // reminder would slip a day.
    const total = this.workingDaysBetween(from, deadline);
    const step = Math.max(1, Math.ceil(fraction * total - 1e-9));
    const point = this.addWorkingDays(from, step);
    return point > deadline ? deadline : point;
  }

  private isWorking(day: number): boolean {
    // 1970-01-01 was a Thursday.
    const weekday = (((day + 4) % 7) + 7) % 7;
    return weekday !== 0 && weekday !== 6 && !this.holidays.has(day);
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new RangeError(`timeZone is not a known IANA time zone: ${String(timeZone)}`);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(formatter: Intl.DateTimeFormat, instant: number): number {
  const parts = formatter.formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value);
  const wallClock = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wallClock - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a deadline day ends: `time` (HH:MM, 24-hour) on `date` on the wall clock of
 * `timeZone`. In London, 17:00 is 17:00Z in winter (GMT) and 16:00Z in summer (BST).
 * A wall time that a clock change skips or repeats resolves to one of its neighbours; UK clocks
 * change at 01:00 UTC on a Sunday, far from the end of any working day.
 */
export function deadlineInstant(date: string, timeZone = 'Europe/London', time = '17:00'): Date {
  const day = toDay(date, 'date');
  const match = typeof time === 'string' ? TIME.exec(time) : null;
  if (!match) {
    throw new RangeError(`time must be HH:MM from 00:00 to 23:59, got ${String(time)}`);
  }
  if (typeof timeZone !== 'string') {
    throw new RangeError(`timeZone must be an IANA time zone name, got ${String(timeZone)}`);
  }
  const formatter = formatterFor(timeZone);
  // The wall-clock time read as if it were UTC, then corrected by the zone's offset. The offset
  // is taken again at the first estimate because the wall-clock reading can sit on the other
  // side of a clock change from the true instant.
  const wallClock = day * DAY_MS + (Number(match[1]) * 60 + Number(match[2])) * 60_000;
  const estimate = wallClock - offsetAt(formatter, wallClock);
  return new Date(wallClock - offsetAt(formatter, estimate));
}

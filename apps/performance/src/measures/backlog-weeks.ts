/** A week's patient target list, summed: patients waiting, by days since referral. */
export interface BacklogBands {
  /** YYYY-MM-DD, a Sunday. */
  weekEnding: string;
  days0To28: number;
  days29To62: number;
  days63To104: number;
  daysOver104: number;
}

export interface BacklogWeek extends BacklogBands {
  total: number;
  /** Waiting 63 days or more: the two top bands. */
  backlog: number;
  /** Backlog over total, 0 to 1, to four places; null for an empty list. */
  backlogShare: number | null;
  /** The week the change is from: the latest earlier week present, which may be weeks back. */
  previousWeekEnding: string | null;
  /** Backlog minus that week's; null for the first week present. */
  backlogChange: number | null;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a YYYY-MM-DD is a real date and a Sunday, the day a PTL week ends. */
export function isSunday(date: string): boolean {
  const match = DATE.exec(date);
  if (!match) {
    return false;
  }
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  // 2026-02-30 would roll over to March: not a real date.
  return day.toISOString().slice(0, 10) === date && day.getUTCDay() === 0;
}

/**
 * Each week's total, backlog and its share, and the change in backlog from the week before it.
 * Weeks before `from` are left out once they have given the first week its change.
 */
export function weekOverWeek(weeks: readonly BacklogBands[], from?: string): BacklogWeek[] {
  const sorted = [...weeks].sort((a, b) => a.weekEnding.localeCompare(b.weekEnding));
  let previous: BacklogWeek | undefined;
  const all = sorted.map((week) => {
    const total = week.days0To28 + week.days29To62 + week.days63To104 + week.daysOver104;
    const backlog = week.days63To104 + week.daysOver104;
    const result: BacklogWeek = {
      ...week,
      total,
      backlog,
      backlogShare: total === 0 ? null : Number((backlog / total).toFixed(4)),
      previousWeekEnding: previous?.weekEnding ?? null,
      backlogChange: previous ? backlog - previous.backlog : null,
    };
    previous = result;
    return result;
  });
  return from === undefined ? all : all.filter((week) => week.weekEnding >= from);
}

/** A published pathway is reviewed two years after publication unless a date is set. */
export const DEFAULT_REVIEW_YEARS = 2;

export function defaultReviewDate(publishedOn: string, years = DEFAULT_REVIEW_YEARS): string {
  const [year, month, day] = publishedOn.split('-').map(Number) as [number, number, number];
  // 29 February publishes review on 28 February in a common year.
  const target = new Date(Date.UTC(year + years, month - 1, day));
  if (target.getUTCMonth() !== month - 1) {
    target.setUTCDate(0);
  }
  return target.toISOString().slice(0, 10);
}

export type ReviewNotice = { kind: 'due'; daysRemaining: number } | { kind: 'overdue' } | null;

/**
 * What the daily check says about a published version's review on `today`: due within the
 * notice period, overdue once past its date, or nothing yet.
 */
export function reviewNotice(reviewDueOn: string, today: string, noticeDays: number): ReviewNotice {
  const days = Math.round(
    (Date.parse(`${reviewDueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
  );
  if (days < 0) {
    return { kind: 'overdue' };
  }
  return days <= noticeDays ? { kind: 'due', daysRemaining: days } : null;
}

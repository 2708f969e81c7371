import { defaultReviewDate, reviewNotice } from './review.js';

describe('pathway review dates', () => {
  it('falls two years after publication by default', () => {
    expect(defaultReviewDate('2026-04-01')).toBe('2028-04-01');
    expect(defaultReviewDate('2026-04-01', 3)).toBe('2029-04-01');
  });

  it('moves 29 February to 28 February when the review year has none', () => {
    expect(defaultReviewDate('2028-02-29')).toBe('2030-02-28');
  });

  it('is due within the notice period, overdue after the date, and quiet before', () => {
    expect(reviewNotice('2027-01-31', '2026-11-21', 60)).toBeNull();
    expect(reviewNotice('2027-01-20', '2026-11-21', 60)).toEqual({
      kind: 'due',
      daysRemaining: 60,
    });
    expect(reviewNotice('2026-11-21', '2026-11-21', 60)).toEqual({ kind: 'due', daysRemaining: 0 });
    expect(reviewNotice('2026-11-20', '2026-11-21', 60)).toEqual({ kind: 'overdue' });
  });
});

import { CASE_TITLE_LENGTH, fitCaseTitle, serviceGapRaisedTitle } from './case-titles.js';

describe('fitCaseTitle', () => {
  it('keeps a title that fits its column', () => {
    expect(fitCaseTitle('Service gap: no EBUS')).toBe('Service gap: no EBUS');
  });

  it('cuts a title built from a long description to the column, ending in an ellipsis', () => {
    const title = serviceGapRaisedTitle({ description: 'x'.repeat(1000) } as Parameters<
      typeof serviceGapRaisedTitle
    >[0]);
    const fitted = fitCaseTitle(title);
    expect([...fitted]).toHaveLength(CASE_TITLE_LENGTH);
    expect(fitted).toMatch(/^Service gap: x+…$/);
  });

  it('counts characters as the database does, never splitting an emoji', () => {
    const fitted = fitCaseTitle('😀'.repeat(400));
    expect([...fitted]).toHaveLength(CASE_TITLE_LENGTH);
    expect(fitted).toBe(`${'😀'.repeat(CASE_TITLE_LENGTH - 1)}…`);
  });
});

import { riskScore } from './risk.js';

describe('NHS 5x5 risk', () => {
  it.each([
    [1, 1, 1, 'low'],
    [1, 3, 3, 'low'],
    [2, 2, 4, 'moderate'],
    [2, 3, 6, 'moderate'],
    [2, 4, 8, 'high'],
    [3, 4, 12, 'high'],
    [3, 5, 15, 'extreme'],
    [5, 5, 25, 'extreme'],
  ])('likelihood %i x consequence %i scores %i, %s', (likelihood, consequence, score, level) => {
    expect(riskScore(likelihood, consequence)).toEqual({ likelihood, consequence, score, level });
  });

  it('refuses values outside 1 to 5', () => {
    expect(() => riskScore(0, 3)).toThrow(RangeError);
    expect(() => riskScore(3, 6)).toThrow(/1 to 5/);
    expect(() => riskScore(2.5, 2)).toThrow(RangeError);
  });
});

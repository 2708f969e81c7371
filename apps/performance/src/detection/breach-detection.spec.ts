import { detectBreaches, type MonthResult } from './breach-detection.js';

const month = (period: string, performance: number, target = 0.77): MonthResult => ({
  period,
  performance,
  target,
});

describe('breach detection', () => {
  it('announces a breach once a standard is below target for the set number of consecutive months', () => {
    const series = [
      month('2026-01', 0.8),
      month('2026-02', 0.72),
      month('2026-03', 0.7),
      month('2026-04', 0.69),
    ];
    expect(detectBreaches(series, 2)).toEqual([
      {
        kind: 'breached',
        period: '2026-03',
        value: 0.7,
        target: 0.77,
        gap: 0.07,
        months: [month('2026-02', 0.72), month('2026-03', 0.7)],
      },
    ]);
    expect(detectBreaches(series, 3)).toMatchObject([
      { kind: 'breached', period: '2026-04', months: series.slice(1) },
    ]);
  });

  it('announces recovery at the first month back on target, and a new breach after it', () => {
    const series = [
      month('2026-01', 0.7),
      month('2026-02', 0.7),
      month('2026-03', 0.8),
      month('2026-04', 0.81),
      month('2026-05', 0.6),
      month('2026-06', 0.6),
    ];
    expect(detectBreaches(series, 2).map((a) => [a.kind, a.period])).toEqual([
      ['breached', '2026-02'],
      ['recovered', '2026-03'],
      ['breached', '2026-06'],
    ]);
  });

  it('judges each month against the target in force for it', () => {
    // FDS target rose from 77% to 80% in March 2026: 78% is then below target.
    const series = [
      month('2026-02', 0.78, 0.77),
      month('2026-03', 0.78, 0.8),
      month('2026-04', 0.79, 0.8),
    ];
    expect(detectBreaches(series, 2).map((a) => a.period)).toEqual(['2026-04']);
  });

  it('counts quarters as consecutive when the standard is published quarterly', () => {
    const quarters = [month('2026-03', 0.9, 0.95), month('2026-06', 0.9, 0.95)];
    expect(detectBreaches(quarters, 2)).toEqual([]);
    expect(detectBreaches(quarters, 2, 3)).toMatchObject([{ kind: 'breached', period: '2026-06' }]);
  });

  it('does not count across a missing month, nor announce on target', () => {
    expect(detectBreaches([month('2026-01', 0.7), month('2026-03', 0.7)], 2)).toEqual([]);
    expect(detectBreaches([month('2026-12', 0.7), month('2027-01', 0.7)], 2)).toHaveLength(1);
    expect(detectBreaches([month('2026-01', 0.77), month('2026-02', 0.9)], 1)).toEqual([]);
  });

  it('gives the same announcements for the same data, in any order', () => {
    const series = [
      month('2026-03', 0.7),
      month('2026-01', 0.7),
      month('2026-02', 0.7),
      month('2026-04', 0.9),
    ];
    expect(detectBreaches(series, 3)).toEqual(detectBreaches([...series].reverse(), 3));
    expect(() => detectBreaches(series, 0)).toThrow(RangeError);
  });
});

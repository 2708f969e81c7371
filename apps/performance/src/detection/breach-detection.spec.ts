import {
  breachedAt,
  detectBreaches,
  type DetectionRules,
  type MonthResult,
} from './breach-detection.js';

const month = (period: string, performance: number, target = 0.75, total = 100): MonthResult => ({
  period,
  performance,
  target,
  total,
});
/** The defaults: two months to breach, two to recover, 20 patients a month. */
const DEFAULTS: DetectionRules = { monthsToBreach: 2, monthsToRecover: 2, minDenominator: 20 };
const kinds = (series: MonthResult[], rules: Partial<DetectionRules> = {}) =>
  detectBreaches(series, { ...DEFAULTS, ...rules }).map((a) => `${a.kind} ${a.period}`);

describe('breach detection', () => {
  it('announces a breach once a standard is below target for the set number of consecutive months', () => {
    const series = [
      month('2026-01', 0.8),
      month('2026-02', 0.72),
      month('2026-03', 0.7),
      month('2026-04', 0.69),
    ];
    expect(detectBreaches(series, DEFAULTS)).toEqual([
      {
        kind: 'breached',
        period: '2026-03',
        value: 0.7,
        target: 0.75,
        gap: 0.05,
        months: [month('2026-02', 0.72), month('2026-03', 0.7)],
      },
    ]);
    expect(detectBreaches(series, { ...DEFAULTS, monthsToBreach: 3 })).toMatchObject([
      { kind: 'breached', period: '2026-04', months: series.slice(1) },
    ]);
  });

  // Changed from one month back on target: small groups flapped between breached and recovered.
  it('does not recover on one month back on target with the default, but on two', () => {
    const series = [
      month('2026-01', 0.7),
      month('2026-02', 0.7),
      month('2026-03', 0.8),
      month('2026-04', 0.7),
      month('2026-05', 0.8),
      month('2026-06', 0.81),
    ];
    expect(kinds(series.slice(0, 4))).toEqual(['breached 2026-02']);
    expect(kinds(series)).toEqual(['breached 2026-02', 'recovered 2026-06']);
    expect(kinds(series.slice(0, 3), { monthsToRecover: 1 })).toEqual([
      'breached 2026-02',
      'recovered 2026-03',
    ]);
  });

  it('neither breaches nor recovers on a month with fewer patients than the minimum', () => {
    // 12 patients: below target, but no breach on it.
    expect(kinds([month('2026-01', 0.7), month('2026-02', 0.5, 0.75, 12)])).toEqual([]);
    // 12 patients on target: no recovery on it, and it does not break the run either.
    const breached = [month('2026-01', 0.7), month('2026-02', 0.7)];
    expect(kinds([...breached, month('2026-03', 0.9), month('2026-04', 1, 0.75, 12)])).toEqual([
      'breached 2026-02',
    ]);
    expect(
      kinds([
        ...breached,
        month('2026-03', 0.9),
        month('2026-04', 1, 0.75, 12),
        month('2026-05', 0.9),
      ]),
    ).toEqual(['breached 2026-02', 'recovered 2026-05']);
    expect(
      kinds([month('2026-01', 0.7, 0.75, 12)], { minDenominator: 10, monthsToBreach: 1 }),
    ).toEqual(['breached 2026-01']);
  });

  it('announces no recovery when only the target falls', () => {
    // In breach of 85%, then the target drops to 70% with performance unchanged at 72%.
    const series = [
      month('2024-02', 0.72, 0.85),
      month('2024-03', 0.72, 0.85),
      month('2024-04', 0.72, 0.7),
      month('2024-05', 0.72, 0.7),
      month('2024-06', 0.72, 0.7),
    ];
    expect(kinds(series)).toEqual(['breached 2024-03']);
    // Performance reaching the level the breach was announced against does recover it.
    expect(kinds([...series, month('2024-07', 0.86, 0.7), month('2024-08', 0.86, 0.7)])).toEqual([
      'breached 2024-03',
      'recovered 2024-08',
    ]);
  });

  it('announces no breach in the month only the target rose', () => {
    // 76% against 75%, then a target of 77%: the month of the change counts as neither.
    const series = [month('2025-03', 0.76, 0.75), month('2025-04', 0.76, 0.77)];
    expect(kinds(series, { monthsToBreach: 1 })).toEqual([]);
    expect(kinds([...series, month('2025-05', 0.76, 0.77)], { monthsToBreach: 1 })).toEqual([
      'breached 2025-05',
    ]);
  });

  it('counts quarters as consecutive when the standard is published quarterly', () => {
    const quarters = [month('2026-03', 0.9, 0.95), month('2026-06', 0.9, 0.95)];
    expect(kinds(quarters)).toEqual([]);
    expect(kinds(quarters, { stepMonths: 3 })).toEqual(['breached 2026-06']);
  });

  it('does not count across a missing month, nor announce on target', () => {
    expect(kinds([month('2026-01', 0.7), month('2026-03', 0.7)])).toEqual([]);
    expect(kinds([month('2026-12', 0.7), month('2027-01', 0.7)])).toHaveLength(1);
    expect(kinds([month('2026-01', 0.75), month('2026-02', 0.9)], { monthsToBreach: 1 })).toEqual(
      [],
    );
  });

  it('gives the same announcements for the same data, in any order, and refuses bad rules', () => {
    const series = [
      month('2026-03', 0.7),
      month('2026-01', 0.7),
      month('2026-02', 0.7),
      month('2026-04', 0.9),
    ];
    const rules = { ...DEFAULTS, monthsToBreach: 3 };
    expect(detectBreaches(series, rules)).toEqual(detectBreaches([...series].reverse(), rules));
    expect(() => detectBreaches(series, { ...DEFAULTS, monthsToBreach: 0 })).toThrow(RangeError);
    expect(() => detectBreaches(series, { ...DEFAULTS, monthsToRecover: 1.5 })).toThrow(
      /monthsToRecover/,
    );
    expect(() => detectBreaches(series, { ...DEFAULTS, minDenominator: -1 })).toThrow(
      /minDenominator/,
    );
  });

  it('tells whether a series is in breach at a month', () => {
    const announcements = detectBreaches(
      [month('2026-01', 0.7), month('2026-02', 0.7), month('2026-03', 0.8), month('2026-04', 0.8)],
      DEFAULTS,
    );
    expect(breachedAt(announcements, '2026-01')).toBe(false);
    expect(breachedAt(announcements, '2026-03')).toBe(true);
    expect(breachedAt(announcements, '2026-04')).toBe(false);
  });
});

import type { TargetSpan } from '../standards/target-in-force.js';
import { judgeScreening, screeningStatus } from './screening-status.js';

describe('the status of a month of screening uptake or coverage', () => {
  const breast = { value: 0.8, lower: 0.7 };
  const noLower = { value: 0.6, lower: null };

  it('is achievable at or above the target', () => {
    expect(screeningStatus(0.8, breast)).toBe('achievable');
    expect(screeningStatus(0.93, breast)).toBe('achievable');
    expect(screeningStatus(0.6, noLower)).toBe('achievable');
  });

  it('is acceptable from the lower threshold up to the target', () => {
    expect(screeningStatus(0.7, breast)).toBe('acceptable');
    expect(screeningStatus(0.7999, breast)).toBe('acceptable');
  });

  it('is below under the lower threshold', () => {
    expect(screeningStatus(0.6999, breast)).toBe('below');
    expect(screeningStatus(0, breast)).toBe('below');
  });

  it('goes straight from achievable to below when the measure has no lower threshold', () => {
    expect(screeningStatus(0.5999, noLower)).toBe('below');
    expect(screeningStatus(0.3, noLower)).toBe('below');
  });

  it('judges the exact share, so one that only rounds up to the target has not reached it', () => {
    const share = 79_996 / 100_000; // shown as 0.8
    expect(Number(share.toFixed(4))).toBe(0.8);
    expect(screeningStatus(share, breast)).toBe('acceptable');
  });
});

describe('judging a month against the thresholds of its own measure', () => {
  const allianceId = '5b0c3f0e-8a51-4d7e-9a39-0d5f7b1c2e11';
  const england = (
    measure: TargetSpan['measure'],
    value: number,
    lower: number | null,
    effectiveFrom = '2000-01-01',
  ): TargetSpan => ({
    measure,
    scopeKind: 'nation',
    scopeValue: 'england',
    value,
    lower,
    effectiveFrom,
    effectiveTo: null,
  });
  const targets: TargetSpan[] = [
    england('screening-bowel-uptake', 0.6, 0.52),
    england('screening-bowel-coverage', 0.76, 0.62, '2025-04-01'),
    england('screening-breast-uptake', 0.8, 0.7),
    // Set apart from uptake's so a test can tell which one judged the month.
    england('screening-breast-coverage', 0.85, 0.75),
    england('screening-cervical-coverage-25-49', 0.8, 0.75),
    england('screening-cervical-coverage-50-64', 0.8, 0.75),
    {
      ...england('screening-cervical-coverage-50-64', 0.7, 0.65),
      scopeKind: 'alliance',
      scopeValue: allianceId,
    },
  ];
  const month = (overrides: Partial<Parameters<typeof judgeScreening>[1]>) => ({
    allianceId,
    programme: 'breast' as const,
    measure: 'uptake' as const,
    ageBand: null,
    period: '2026-03',
    eligible: 1000,
    screened: 780,
    ...overrides,
  });

  it('judges breast uptake and breast coverage each by its own thresholds', () => {
    expect(judgeScreening(targets, month({}))).toEqual({
      target: 0.8,
      lower: 0.7,
      status: 'acceptable',
    });
    expect(judgeScreening(targets, month({ measure: 'coverage' }))).toEqual({
      target: 0.85,
      lower: 0.75,
      status: 'acceptable',
    });
    expect(judgeScreening(targets, month({ measure: 'coverage', screened: 740 })).status).toBe(
      'below',
    );
    expect(judgeScreening(targets, month({ screened: 740 })).status).toBe('acceptable');
  });

  it('judges each cervical age band by its own target, an alliance’s winning for its band only', () => {
    const cervical = {
      programme: 'cervical' as const,
      measure: 'coverage' as const,
      screened: 720,
    };
    expect(judgeScreening(targets, month({ ...cervical, ageBand: '25-49' }))).toEqual({
      target: 0.8,
      lower: 0.75,
      status: 'below',
    });
    expect(judgeScreening(targets, month({ ...cervical, ageBand: '50-64' }))).toEqual({
      target: 0.7,
      lower: 0.65,
      status: 'achievable',
    });
  });

  it('gives bowel uptake 52% acceptable and 60% achievable', () => {
    const bowel = { programme: 'bowel' as const };
    expect(judgeScreening(targets, month({ ...bowel, screened: 600 })).status).toBe('achievable');
    expect(judgeScreening(targets, month({ ...bowel, screened: 520 })).status).toBe('acceptable');
    expect(judgeScreening(targets, month({ ...bowel, screened: 519 })).status).toBe('below');
  });

  it('has no status where no target is in force: bowel coverage before April 2025, cervical uptake', () => {
    const none = { target: null, lower: null, status: null };
    const bowelCoverage = { programme: 'bowel' as const, measure: 'coverage' as const };
    expect(judgeScreening(targets, month({ ...bowelCoverage, period: '2025-03' }))).toEqual(none);
    expect(judgeScreening(targets, month({ ...bowelCoverage, period: '2025-04' })).status).toBe(
      'achievable',
    );
    expect(judgeScreening(targets, month({ programme: 'cervical' }))).toEqual(none);
  });
});

import { targetInForce, type TargetSpan } from './target-in-force.js';

const aTarget = (overrides: Partial<TargetSpan>): TargetSpan => ({
  measure: 'fds-28',
  scopeKind: 'nation',
  scopeValue: 'england',
  value: 0.75,
  lower: null,
  effectiveFrom: '2023-10-01',
  effectiveTo: null,
  ...overrides,
});

describe('the target in force for a month', () => {
  const targets = [
    aTarget({ value: 0.75, effectiveTo: '2025-03-31' }),
    aTarget({ value: 0.8, effectiveFrom: '2025-04-01' }),
    aTarget({ measure: 'combined-62', value: 0.85 }),
    aTarget({ scopeKind: 'alliance', scopeValue: 'a1', value: 0.7, effectiveFrom: '2025-06-01' }),
    aTarget({ scopeKind: 'tumour-site', scopeValue: 'lung', value: 0.72 }),
  ];
  const fds = (period: string, extra: { allianceId?: string; tumourSite?: string } = {}) =>
    targetInForce(targets, { measure: 'fds-28', period, nation: 'england', ...extra })?.value;

  it('judges each month by the span that covers its first day', () => {
    expect(fds('2025-03')).toBe(0.75);
    expect(fds('2025-04')).toBe(0.8);
    expect(
      targetInForce(targets, { measure: 'combined-62', period: '2024-01', nation: 'england' })
        ?.value,
    ).toBe(0.85);
  });

  it('prefers an alliance trajectory, then a tumour site, then the nation', () => {
    expect(fds('2025-07', { allianceId: 'a1', tumourSite: 'lung' })).toBe(0.7);
    expect(fds('2025-05', { allianceId: 'a1', tumourSite: 'lung' })).toBe(0.72);
    expect(fds('2025-07', { allianceId: 'a2', tumourSite: 'breast' })).toBe(0.8);
  });

  it('has none before the first span or for another nation', () => {
    expect(fds('2023-09')).toBeUndefined();
    expect(
      targetInForce(targets, { measure: 'fds-28', period: '2025-07', nation: 'scotland' }),
    ).toBeUndefined();
  });
});

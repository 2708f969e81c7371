import { trajectoryPoint, type TrajectorySpan } from './trajectory-point.js';

const aTrajectory = (overrides: Partial<TrajectorySpan>): TrajectorySpan => ({
  measure: 'fds-28',
  scopeKind: 'nation',
  scopeValue: 'england',
  startsOn: '2024-04-01',
  reachBy: '2025-03-01',
  startValue: 0.75,
  value: 0.77,
  points: {},
  ...overrides,
});

describe('the trajectory point for a month', () => {
  const trajectories = [
    aTrajectory({}),
    aTrajectory({ scopeKind: 'alliance', scopeValue: 'a1', points: { '2024-06': 0.79 } }),
  ];
  const point = (period: string, allianceId?: string) =>
    trajectoryPoint(trajectories, {
      measure: 'fds-28',
      period,
      nation: 'england',
      ...(allianceId ? { allianceId } : {}),
    });

  it('runs in a straight line from the start value to the ambition', () => {
    expect(point('2024-04')).toBe(0.75);
    expect(point('2024-09')).toBe(0.7591);
    expect(point('2025-03')).toBe(0.77);
  });

  it("takes an alliance's own points first, and ends with its span", () => {
    expect(point('2024-06', 'a1')).toBe(0.79);
    expect(point('2024-07', 'a1')).toBe(point('2024-07'));
    expect(point('2024-06', 'a2')).toBe(0.7536);
    expect(point('2025-04')).toBeUndefined();
    expect(point('2024-03')).toBeUndefined();
  });
});

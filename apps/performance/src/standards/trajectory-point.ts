import { monthsBetween, type Measure } from '#contracts';
import type { TrajectoryScope } from './trajectory.entity.js';

export interface TrajectorySpan {
  measure: Measure;
  scopeKind: TrajectoryScope;
  scopeValue: string;
  startsOn: string;
  reachBy: string;
  startValue: number;
  value: number;
  points: Record<string, number>;
}

export interface TrajectoryQuestion {
  measure: Measure;
  /** YYYY-MM */
  period: string;
  nation: string;
  allianceId?: string;
}

/**
 * The trajectory's point for a month: the alliance's own trajectory first, then the nation's;
 * a month's set point, else the straight line from the start value in the first month to the
 * ambition in `reachBy`. Undefined outside every trajectory (they are time-limited).
 */
export function trajectoryPoint(
  trajectories: readonly TrajectorySpan[],
  question: TrajectoryQuestion,
): number | undefined {
  const day = `${question.period}-01`;
  const scopes: [TrajectoryScope, string | undefined][] = [
    ['alliance', question.allianceId],
    ['nation', question.nation],
  ];
  for (const [scope, value] of scopes) {
    const found = trajectories.find(
      (t) =>
        t.measure === question.measure &&
        t.scopeKind === scope &&
        t.scopeValue === value &&
        t.startsOn <= day &&
        t.reachBy >= day,
    );
    if (found) {
      return pointOf(found, question.period);
    }
  }
  return undefined;
}

/** A month's point on one trajectory (the month within its span). */
export function pointOf(trajectory: TrajectorySpan, period: string): number {
  const set = trajectory.points[period];
  if (set !== undefined) {
    return set;
  }
  const first = trajectory.startsOn.slice(0, 7);
  const span = monthsBetween(first, trajectory.reachBy.slice(0, 7));
  if (span === 0) {
    return trajectory.value;
  }
  const at = monthsBetween(first, period);
  const share = trajectory.startValue + ((trajectory.value - trajectory.startValue) * at) / span;
  return Number(share.toFixed(4));
}

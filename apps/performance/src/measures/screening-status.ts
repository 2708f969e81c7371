import { targetInForce, type TargetSpan } from '../standards/target-in-force.js';
import {
  screeningTargetMeasure,
  type CervicalAgeBand,
  type ScreeningMeasureKind,
  type ScreeningProgramme,
} from './screening-measures.js';

/** Where a month's uptake or coverage stands against its measure's thresholds. */
export const SCREENING_STATUSES = ['achievable', 'acceptable', 'below'] as const;
export type ScreeningStatus = (typeof SCREENING_STATUSES)[number];

/** A screening target: the achievable level and, for most measures, a lower acceptable one. */
export interface ScreeningThresholds {
  value: number;
  lower: number | null;
}

/**
 * Achievable at or above the target's value; acceptable at or above its lower threshold, when
 * the measure has one (breast 70%, cervical 75%, bowel uptake 52%); below otherwise. Pass the
 * exact share, not the rounded one shown: 79.996% has not reached 80%.
 */
export function screeningStatus(share: number, thresholds: ScreeningThresholds): ScreeningStatus {
  if (share >= thresholds.value) {
    return 'achievable';
  }
  if (thresholds.lower !== null && share >= thresholds.lower) {
    return 'acceptable';
  }
  return 'below';
}

export interface ScreeningJudgement {
  /** The achievable level in force for the month; null when none is set. */
  target: number | null;
  /** The acceptable lower threshold; null when the measure has none (or no target is set). */
  lower: number | null;
  /** Null when no target is set. */
  status: ScreeningStatus | null;
}

/**
 * A month's result judged against the target of its own programme, measure and age band (breast
 * uptake and breast coverage are two measures, each cervical age band another), the alliance's
 * own target winning over England's.
 */
export function judgeScreening(
  targets: readonly TargetSpan[],
  result: {
    allianceId: string;
    programme: ScreeningProgramme;
    measure: ScreeningMeasureKind;
    ageBand: CervicalAgeBand | null;
    /** YYYY-MM */
    period: string;
    eligible: number;
    screened: number;
  },
): ScreeningJudgement {
  const target = targetInForce(targets, {
    measure: screeningTargetMeasure(result.programme, result.measure, result.ageBand),
    period: result.period,
    nation: 'england',
    allianceId: result.allianceId,
  });
  if (!target) {
    return { target: null, lower: null, status: null };
  }
  return {
    target: target.value,
    lower: target.lower,
    status: screeningStatus(result.screened / result.eligible, target),
  };
}

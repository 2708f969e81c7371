/** Where a month's uptake stands against its programme's thresholds. */
export const UPTAKE_STATUSES = ['achievable', 'acceptable', 'below'] as const;
export type UptakeStatus = (typeof UPTAKE_STATUSES)[number];

/** A screening target: the achievable level and, for some programmes, a lower acceptable one. */
export interface UptakeThresholds {
  value: number;
  lower: number | null;
}

/**
 * Achievable at or above the target's value; acceptable at or above its lower threshold, when
 * the programme has one (breast 70%, cervical 75%, bowel 52%); below otherwise. Pass the
 * exact share, not the rounded one shown: 79.996% has not reached 80%.
 */
export function uptakeStatus(uptake: number, thresholds: UptakeThresholds): UptakeStatus {
  if (uptake >= thresholds.value) {
    return 'achievable';
  }
  if (thresholds.lower !== null && uptake >= thresholds.lower) {
    return 'acceptable';
  }
  return 'below';
}

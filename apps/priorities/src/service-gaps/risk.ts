import type { PayloadOf, PlatformEventMap } from '#contracts';

export type RiskScore = PayloadOf<
  PlatformEventMap,
  'priorities.service-gap-raised.v1'
>['currentRisk'];

/**
 * The NHS 5x5 risk matrix: likelihood 1-5 times consequence 1-5 gives 1 to 25; 1-3 low,
 * 4-6 moderate, 8-12 high, 15-25 extreme.
 */
export function riskScore(likelihood: number, consequence: number): RiskScore {
  if (![likelihood, consequence].every((n) => Number.isInteger(n) && n >= 1 && n <= 5)) {
    throw new RangeError('Likelihood and consequence are whole numbers from 1 to 5');
  }
  const score = likelihood * consequence;
  const level = score <= 3 ? 'low' : score <= 6 ? 'moderate' : score <= 12 ? 'high' : 'extreme';
  return { likelihood, consequence, score, level };
}

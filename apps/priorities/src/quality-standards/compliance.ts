import type { PayloadOf, PlatformEventMap } from '#contracts';
import type { Measure } from './measure-set.entity.js';
import type { AnswerEntry, MeasureAnswer, ReviewEntry } from './quality-assessment.entity.js';

export type Compliance = PayloadOf<
  PlatformEventMap,
  'priorities.quality-assessment-submitted.v1'
>['compliance'];

/**
 * The result that counts for each measure: the network's finding where its review challenged
 * the team's answer, otherwise the team's answer. A measure with no answer counts as nothing.
 */
export function resultsOf(
  answers: readonly AnswerEntry[],
  reviews: readonly ReviewEntry[] = [],
): Map<string, MeasureAnswer> {
  const results = new Map(answers.map((a) => [a.measureId, a.answer]));
  for (const review of reviews) {
    if (review.outcome === 'challenged' && review.finding !== null) {
      results.set(review.measureId, review.finding);
    }
  }
  return results;
}

/**
 * Compliance with a measure set: compliant measures as a percentage of the measures that apply,
 * one decimal place. Not-applicable measures are left out of the denominator; with none that
 * apply the percentage is null (nothing to be compliant with), never 0 or 100. Non-compliant
 * measures are listed in the set's order.
 */
export function complianceOf(
  measures: readonly Measure[],
  results: ReadonlyMap<string, MeasureAnswer>,
): Compliance {
  const count = (answer: MeasureAnswer) =>
    measures.filter((m) => results.get(m.id) === answer).length;
  const compliant = count('compliant');
  const notCompliant = count('not-compliant');
  const applicable = compliant + notCompliant;
  return {
    compliant,
    notCompliant,
    notApplicable: count('not-applicable'),
    percent: applicable === 0 ? null : Math.round((compliant / applicable) * 1000) / 10,
    nonCompliantMeasureIds: measures
      .filter((m) => results.get(m.id) === 'not-compliant')
      .map((m) => m.id),
  };
}

import { InvalidError, UnprocessableError, type FieldError } from '#platform';
import type { Measure } from './measure-set.entity.js';
import type { AnswerDto, MeasureReviewDto } from './quality-assessments.dto.js';
import type { AnswerEntry, ReviewEntry } from './quality-assessment.entity.js';
import { resultsOf } from './compliance.js';

/**
 * The rules of a self-assessment and its review that need the measure set or the answers
 * given. A request contradicting itself (a measure twice, a challenge without its finding) is
 * invalid (400); one naming a measure the set does not have, or breaking a rule of the
 * assessment's state, is unprocessable (422). Every problem is named by its field.
 */

const problem = (field: string, message: string): FieldError => ({ field, messages: [message] });

function throwIfAny(invalid: FieldError[], unprocessable: FieldError[], what: string): void {
  if (invalid.length > 0) {
    throw new InvalidError(invalid);
  }
  if (unprocessable.length > 0) {
    throw new UnprocessableError(what, { errors: unprocessable });
  }
}

function checkMeasureIds(
  field: string,
  items: readonly { measureId: string }[],
  measures: readonly Measure[],
  setName: string,
  invalid: FieldError[],
  unprocessable: FieldError[],
): void {
  const known = new Set(measures.map((m) => m.id));
  const seen = new Set<string>();
  items.forEach(({ measureId }, index) => {
    if (seen.has(measureId)) {
      invalid.push(problem(`${field}.${index}.measureId`, `${measureId} is given more than once`));
    }
    seen.add(measureId);
    if (!known.has(measureId)) {
      unprocessable.push(
        problem(`${field}.${index}.measureId`, `${setName} has no measure ${measureId}`),
      );
    }
  });
}

/** Answers to record: each measure once, each one the set has. */
export function checkAnswers(
  measures: readonly Measure[],
  setName: string,
  answers: readonly AnswerDto[],
): void {
  const invalid: FieldError[] = [];
  const unprocessable: FieldError[] = [];
  checkMeasureIds('answers', answers, measures, setName, invalid, unprocessable);
  throwIfAny(invalid, unprocessable, `Answers name measures ${setName} does not have`);
}

/** To submit, every measure is answered and every compliant answer links its evidence. */
export function checkSubmittable(
  measures: readonly Measure[],
  answers: readonly AnswerEntry[],
): void {
  const byMeasure = new Map(answers.map((a) => [a.measureId, a]));
  const unprocessable: FieldError[] = [];
  for (const measure of measures) {
    const answer = byMeasure.get(measure.id);
    if (!answer) {
      unprocessable.push(problem(`answers.${measure.id}`, `${measure.id} has no answer`));
    } else if (answer.answer === 'compliant' && answer.evidenceUrl === null) {
      unprocessable.push(
        problem(
          `answers.${measure.id}.evidenceUrl`,
          `${measure.id} is answered compliant: link the evidence asked for (${measure.evidence})`,
        ),
      );
    }
  }
  throwIfAny([], unprocessable, 'The assessment is not complete');
}

/**
 * A review of a submitted assessment: each measure at most once and in the set; a challenge
 * gives a comment and a finding other than the team's answer; an agreement gives no finding;
 * a serious concern has a comment and is only for a measure the review leaves not compliant.
 */
export function reviewEntries(
  measures: readonly Measure[],
  setName: string,
  answers: readonly AnswerEntry[],
  reviews: readonly MeasureReviewDto[],
): ReviewEntry[] {
  const invalid: FieldError[] = [];
  const unprocessable: FieldError[] = [];
  checkMeasureIds('reviews', reviews, measures, setName, invalid, unprocessable);
  const entries: ReviewEntry[] = reviews.map((r) => ({
    measureId: r.measureId,
    outcome: r.outcome,
    finding: r.finding ?? null,
    comment: r.comment ?? null,
    seriousConcern: r.seriousConcern ?? false,
  }));
  const answerOf = new Map(answers.map((a) => [a.measureId, a.answer]));
  const results = resultsOf(answers, entries);
  entries.forEach((entry, index) => {
    const at = `reviews.${index}`;
    if (entry.outcome === 'challenged') {
      if (entry.finding === null) {
        invalid.push(problem(`${at}.finding`, "a challenge gives the network's finding"));
      } else if (entry.finding === answerOf.get(entry.measureId)) {
        unprocessable.push(
          problem(`${at}.finding`, `the team answered ${entry.finding}: agree instead`),
        );
      }
      if (entry.comment === null) {
        invalid.push(problem(`${at}.comment`, 'a challenge says why'));
      }
    } else if (entry.finding !== null) {
      invalid.push(problem(`${at}.finding`, "an agreement keeps the team's answer: no finding"));
    }
    if (entry.seriousConcern) {
      if (entry.comment === null) {
        invalid.push(problem(`${at}.comment`, 'a serious concern says what it is'));
      }
      if (answerOf.has(entry.measureId) && results.get(entry.measureId) !== 'not-compliant') {
        unprocessable.push(
          problem(
            `${at}.seriousConcern`,
            `only a measure found not compliant is a serious concern; ${entry.measureId} is ${results.get(entry.measureId)}`,
          ),
        );
      }
    }
  });
  throwIfAny(invalid, unprocessable, 'The review breaks the assessment rules');
  return entries;
}

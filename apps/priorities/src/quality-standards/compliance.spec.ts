import type { Measure } from './measure-set.entity.js';
import type { AnswerEntry, MeasureAnswer, ReviewEntry } from './quality-assessment.entity.js';
import { complianceOf, resultsOf } from './compliance.js';

const measures: Measure[] = Array.from({ length: 12 }, (_, i) => ({
  id: `LUNG-${String(i + 1).padStart(2, '0')}`,
  text: `Measure ${i + 1}`,
  evidence: 'A document',
}));

const answered = (answers: MeasureAnswer[]): AnswerEntry[] =>
  answers.map((answer, i) => ({
    measureId: measures[i]?.id ?? 'none',
    answer,
    evidenceUrl: null,
    comment: null,
  }));

// Twelve measures: 01-07 compliant, 08-09 not compliant, 10-12 not applicable.
const twelve = answered([
  ...Array<MeasureAnswer>(7).fill('compliant'),
  ...Array<MeasureAnswer>(2).fill('not-compliant'),
  ...Array<MeasureAnswer>(3).fill('not-applicable'),
]);

describe('quality standards compliance', () => {
  it('7 compliant, 2 not compliant, 3 not applicable: 7 / (7 + 2) = 77.8%, not 7 / 12 = 58.3%', () => {
    expect(complianceOf(measures, resultsOf(twelve))).toEqual({
      compliant: 7,
      notCompliant: 2,
      notApplicable: 3,
      percent: 77.8,
      nonCompliantMeasureIds: ['LUNG-08', 'LUNG-09'],
    });
  });

  it('the network challenges LUNG-03 (found not compliant) and agrees the rest: 6 / 9 = 66.7%', () => {
    const reviews: ReviewEntry[] = [
      {
        measureId: 'LUNG-03',
        outcome: 'challenged',
        finding: 'not-compliant',
        comment: 'No nurse specialist at 4 of 20 diagnoses audited',
        seriousConcern: true,
      },
      {
        measureId: 'LUNG-08',
        outcome: 'agreed',
        finding: null,
        comment: null,
        seriousConcern: false,
      },
    ];
    expect(complianceOf(measures, resultsOf(twelve, reviews))).toEqual({
      compliant: 6,
      notCompliant: 3,
      notApplicable: 3,
      percent: 66.7,
      nonCompliantMeasureIds: ['LUNG-03', 'LUNG-08', 'LUNG-09'],
    });
  });

  it('a challenge finding a not-applicable measure applies and is met: 8 / (8 + 2) = 80%', () => {
    const reviews: ReviewEntry[] = [
      {
        measureId: 'LUNG-10',
        outcome: 'challenged',
        finding: 'compliant',
        comment: 'The team runs this clinic',
        seriousConcern: false,
      },
    ];
    expect(complianceOf(measures, resultsOf(twelve, reviews)).percent).toBe(80);
  });

  it('every measure not applicable: no percentage (null), not 0% or 100%', () => {
    const none = answered(Array<MeasureAnswer>(12).fill('not-applicable'));
    expect(complianceOf(measures, resultsOf(none))).toMatchObject({
      notApplicable: 12,
      percent: null,
      nonCompliantMeasureIds: [],
    });
  });

  it('1 of 3 compliant rounds to one decimal place: 33.3%', () => {
    const three = answered(['compliant', 'not-compliant', 'not-compliant']);
    expect(complianceOf(measures.slice(0, 3), resultsOf(three)).percent).toBe(33.3);
  });
});

import { MEASURES, SCREENING_PROGRAMMES } from '#contracts';
import {
  ageBandProblem,
  CERVICAL_AGE_BANDS,
  coverageLookBack,
  lookBackProblem,
  SCREENING_MEASURE_KINDS,
  screeningTargetMeasure,
} from './screening-measures.js';

describe('screening measures', () => {
  it('gives every programme, measure and cervical age band a target measure of its own', () => {
    const codes = SCREENING_PROGRAMMES.flatMap((programme) =>
      SCREENING_MEASURE_KINDS.flatMap((measure) =>
        programme === 'cervical' && measure === 'coverage'
          ? CERVICAL_AGE_BANDS.map((band) => screeningTargetMeasure(programme, measure, band))
          : [screeningTargetMeasure(programme, measure, null)],
      ),
    );
    expect(new Set(codes).size).toBe(7);
    for (const code of codes) {
      expect(MEASURES).toContain(code);
    }
    expect(screeningTargetMeasure('cervical', 'coverage', '50-64')).toBe(
      'screening-cervical-coverage-50-64',
    );
    expect(screeningTargetMeasure('breast', 'coverage', null)).toBe('screening-breast-coverage');
  });

  it('looks back 3 years for breast, 3.5 and 5.5 for the cervical bands, 2.5 for bowel', () => {
    expect(coverageLookBack('breast', null)).toBe(3);
    expect(coverageLookBack('cervical', '25-49')).toBe(3.5);
    expect(coverageLookBack('cervical', '50-64')).toBe(5.5);
    expect(coverageLookBack('bowel', null)).toBe(2.5);
  });

  describe('an age band', () => {
    it('is required for cervical coverage, and must be one of its bands', () => {
      expect(ageBandProblem({ programme: 'cervical', measure: 'coverage' })).toBe(
        'ageBand is required for cervical coverage: 25-49 or 50-64',
      );
      expect(ageBandProblem({ programme: 'cervical', measure: 'coverage', ageBand: '50-70' })).toBe(
        'ageBand must be 25-49 or 50-64',
      );
      expect(
        ageBandProblem({ programme: 'cervical', measure: 'coverage', ageBand: '25-49' }),
      ).toBeUndefined();
    });

    it('is refused on uptake (a row without a measure is uptake) and on other coverage', () => {
      expect(ageBandProblem({ programme: 'cervical', ageBand: '25-49' })).toBe(
        'ageBand is only for cervical coverage; cervical uptake has no age bands',
      );
      expect(ageBandProblem({ programme: 'breast', measure: 'coverage', ageBand: '50-64' })).toBe(
        'ageBand is only for cervical coverage; breast coverage has no age bands',
      );
      expect(ageBandProblem({ programme: 'breast', measure: 'uptake' })).toBeUndefined();
    });

    it('leaves an invalid programme or measure to its own message', () => {
      expect(ageBandProblem({ programme: 'lung', ageBand: '25-49' })).toBeUndefined();
      expect(ageBandProblem({ programme: 'cervical', measure: 'both' })).toBeUndefined();
    });
  });

  describe('a look-back', () => {
    it('is refused on uptake', () => {
      expect(lookBackProblem({ programme: 'breast', lookBackYears: 3 })).toBe(
        'lookBackYears is only for coverage; uptake counts those invited in the period',
      );
    });

    it('may be left out of coverage, and when given must be the programme’s', () => {
      expect(lookBackProblem({ programme: 'breast', measure: 'coverage' })).toBeUndefined();
      expect(
        lookBackProblem({ programme: 'breast', measure: 'coverage', lookBackYears: 3 }),
      ).toBeUndefined();
      expect(lookBackProblem({ programme: 'breast', measure: 'coverage', lookBackYears: 5 })).toBe(
        'lookBackYears must be 3: breast coverage looks back 3 years',
      );
      expect(
        lookBackProblem({
          programme: 'cervical',
          measure: 'coverage',
          ageBand: '50-64',
          lookBackYears: 3.5,
        }),
      ).toBe('lookBackYears must be 5.5: cervical coverage of ages 50-64 looks back 5.5 years');
      expect(
        lookBackProblem({ programme: 'bowel', measure: 'coverage', lookBackYears: '2.5' }),
      ).toBe('lookBackYears must be 2.5: bowel coverage looks back 2.5 years');
    });
  });
});

import { SCREENING_PROGRAMMES, type ScreeningTargetMeasure } from '#contracts';

export type ScreeningProgramme = (typeof SCREENING_PROGRAMMES)[number];

/**
 * Uptake: of those invited in the period, the share screened within a set time of their
 * invitation (bowel and breast: 6 months). Coverage: of the eligible population as at the
 * period's last day, the share screened adequately within a look-back of years.
 */
export const SCREENING_MEASURE_KINDS = ['uptake', 'coverage'] as const;
export type ScreeningMeasureKind = (typeof SCREENING_MEASURE_KINDS)[number];

/** Cervical coverage is reported by age band, each with its own look-back. */
export const CERVICAL_AGE_BANDS = ['25-49', '50-64'] as const;
export type CervicalAgeBand = (typeof CERVICAL_AGE_BANDS)[number];

/**
 * Years each coverage looks back (NHS screening programme standards, England): breast women
 * 53-70 in the last 3 years; cervical 25-49 in the last 3.5 and 50-64 in the last 5.5; bowel
 * 60-74 in the last 2.5 (30 months).
 */
export const COVERAGE_LOOK_BACK_YEARS = {
  bowel: 2.5,
  breast: 3,
  'cervical 25-49': 3.5,
  'cervical 50-64': 5.5,
} as const;

/** The look-back of a programme's coverage (of an age band, for cervical). */
export function coverageLookBack(
  programme: ScreeningProgramme,
  ageBand: CervicalAgeBand | null,
): number {
  return programme === 'cervical'
    ? COVERAGE_LOOK_BACK_YEARS[`cervical ${ageBand ?? '25-49'}`]
    : COVERAGE_LOOK_BACK_YEARS[programme];
}

/** Whether a measure of a programme is reported by age band: cervical coverage only. */
export function hasAgeBands(programme: ScreeningProgramme, measure: ScreeningMeasureKind): boolean {
  return programme === 'cervical' && measure === 'coverage';
}

/** The target measure a result is judged against: its programme, measure and age band. */
export function screeningTargetMeasure(
  programme: ScreeningProgramme,
  measure: ScreeningMeasureKind,
  ageBand: CervicalAgeBand | null,
): ScreeningTargetMeasure {
  if (measure === 'uptake') {
    return `screening-${programme}-uptake`;
  }
  return programme === 'cervical'
    ? `screening-cervical-coverage-${ageBand ?? '25-49'}`
    : `screening-${programme}-coverage`;
}

/** A result's fields that depend on each other, as a client sent them. */
export interface ScreeningRowShape {
  programme?: unknown;
  measure?: unknown;
  ageBand?: unknown;
  lookBackYears?: unknown;
}

const isProgramme = (value: unknown): value is ScreeningProgramme =>
  (SCREENING_PROGRAMMES as readonly unknown[]).includes(value);
const isAgeBand = (value: unknown): value is CervicalAgeBand =>
  (CERVICAL_AGE_BANDS as readonly unknown[]).includes(value);

/** The measure a row is: uptake unless it says otherwise (rows before #20 did not say). */
function measureOf(row: ScreeningRowShape): ScreeningMeasureKind | undefined {
  const measure = row.measure ?? 'uptake';
  return (SCREENING_MEASURE_KINDS as readonly unknown[]).includes(measure)
    ? (measure as ScreeningMeasureKind)
    : undefined;
}

/**
 * What is wrong with a row's age band, or undefined: required for cervical coverage (25-49 or
 * 50-64) and refused on every other measure. Says nothing while the programme or measure is
 * itself invalid (that field has its own message).
 */
export function ageBandProblem(row: ScreeningRowShape): string | undefined {
  const measure = measureOf(row);
  if (!isProgramme(row.programme) || measure === undefined) {
    return undefined;
  }
  if (hasAgeBands(row.programme, measure)) {
    if (row.ageBand === undefined || row.ageBand === null) {
      return `ageBand is required for cervical coverage: ${CERVICAL_AGE_BANDS.join(' or ')}`;
    }
    return isAgeBand(row.ageBand)
      ? undefined
      : `ageBand must be ${CERVICAL_AGE_BANDS.join(' or ')}`;
  }
  return row.ageBand === undefined
    ? undefined
    : `ageBand is only for cervical coverage; ${row.programme} ${measure} has no age bands`;
}

/**
 * What is wrong with a row's look-back, or undefined: refused on uptake (it counts those invited
 * in the period, not a look-back); on coverage optional, and when given it must be the
 * programme's (a 5-year breast coverage is not the measure the thresholds are for).
 */
export function lookBackProblem(row: ScreeningRowShape): string | undefined {
  const measure = measureOf(row);
  if (!isProgramme(row.programme) || measure === undefined || row.lookBackYears === undefined) {
    return undefined;
  }
  if (measure === 'uptake') {
    return 'lookBackYears is only for coverage; uptake counts those invited in the period';
  }
  if (hasAgeBands(row.programme, measure) && !isAgeBand(row.ageBand)) {
    return undefined; // the age band's own message says what is wrong
  }
  const years = coverageLookBack(row.programme, isAgeBand(row.ageBand) ? row.ageBand : null);
  if (row.lookBackYears === years) {
    return undefined;
  }
  const which =
    row.programme === 'cervical'
      ? `cervical coverage of ages ${String(row.ageBand)}`
      : `${row.programme} coverage`;
  return `lookBackYears must be ${years}: ${which} looks back ${years} years`;
}

/**
 * Test data for the performance API, each with overrides, so a test says only what matters to
 * it: `aSubmissionRow({ within: 19 })`, `aBacklogWeek({ weekEnding: '2026-03-08' })`.
 */

/** The header of the provider extract, the older of the two published CWT layouts. */
export const PROVIDER_HEADER =
  'PERIOD,STANDARD,ORG CODE,CANCER TYPE,STAGE/ROUTE,TREATMENT MODALITY,TOTAL,WITHIN STANDARD,BREACHES';

/** A CSV body: one line each (arrays of lines flattened), each ending in a newline. */
export const csv = (...lines: (string | string[])[]) => `${lines.flat().join('\n')}\n`;

export interface FdsLine {
  period: string;
  orgCode: string;
  cancerType: string;
  total: number;
  within: number;
  /** `total - within` unless given. */
  breaches?: number;
}

/** One provider-extract line of 28-day FDS: `within` of `total` told in time, the rest breaches. */
export function anFdsLine(overrides: Partial<FdsLine> = {}): string {
  const line: FdsLine = {
    period: '2026-05',
    orgCode: 'RGT',
    cancerType: 'Suspected lung cancer',
    total: 10,
    within: 8,
    ...overrides,
  };
  return [
    line.period,
    '28-day FDS',
    line.orgCode,
    line.cancerType,
    'URGENT SUSPECTED CANCER',
    '',
    line.total,
    line.within,
    line.breaches ?? line.total - line.within,
  ].join(',');
}

export interface CwtLine extends FdsLine {
  standard: string;
  route: string;
  modality: string;
}

/** One provider-extract line of any standard, route and modality: RGT's May lung FDS by default. */
export function aCwtLine(overrides: Partial<CwtLine> = {}): string {
  const line: CwtLine = {
    period: '2026-05',
    standard: '28-day FDS',
    orgCode: 'RGT',
    cancerType: 'Suspected lung cancer',
    route: 'URGENT SUSPECTED CANCER',
    modality: '',
    total: 10,
    within: 8,
    ...overrides,
  };
  return [
    line.period,
    line.standard,
    line.orgCode,
    `"${line.cancerType}"`,
    `"${line.route}"`,
    line.modality,
    line.total,
    line.within,
    line.breaches ?? line.total - line.within,
  ].join(',');
}

export interface SubmissionRow {
  period: string;
  standard: string;
  orgCode: string;
  cancerType: string;
  route: string;
  modality: string;
  total: number;
  within: number;
  breaches: number;
}

/** A row for `POST /submissions`: RGT's July lung surgery on the 31-day standard, a half breach. */
export function aSubmissionRow(overrides: Partial<SubmissionRow> = {}): SubmissionRow {
  return {
    period: '2026-07',
    standard: 'combined-31',
    orgCode: 'rgt',
    cancerType: 'Lung',
    route: 'First Treatment',
    modality: 'Surgery',
    total: 20,
    within: 19.5,
    breaches: 0.5,
    ...overrides,
  };
}

export interface TargetBody {
  measure: string;
  scopeKind: string;
  scopeValue: string;
  value: number;
  effectiveFrom: string;
  effectiveTo?: string;
  source: string;
}

/** A body for `POST /targets`: an alliance's own FDS trajectory from January 2026. */
export function aTarget(overrides: Partial<TargetBody> & { scopeValue: string }): TargetBody {
  return {
    measure: 'fds-28',
    scopeKind: 'alliance',
    value: 0.78,
    effectiveFrom: '2026-01-01',
    source: 'Alliance trajectory 2025/26',
    ...overrides,
  };
}

export interface UptakeRow {
  allianceId: string;
  programme: string;
  /** Uptake when left out. */
  measure?: string;
  ageBand?: string;
  lookBackYears?: number;
  period: string;
  eligible: number;
  screened: number;
}

/** A row for `PUT /screening-uptake`: an alliance's breast screening in March 2026, 75% taken up. */
export function anUptakeRow(overrides: Partial<UptakeRow> & { allianceId: string }): UptakeRow {
  return {
    programme: 'breast',
    period: '2026-03',
    eligible: 1000,
    screened: 750,
    ...overrides,
  };
}

/** A row of cervical coverage for an age band: March 2026, 78% screened within the look-back. */
export function aCoverageRow(
  overrides: Partial<UptakeRow> & { allianceId: string; ageBand?: string },
): UptakeRow {
  return anUptakeRow({
    programme: 'cervical',
    measure: 'coverage',
    ageBand: '25-49',
    screened: 780,
    ...overrides,
  });
}

export interface BacklogWeek {
  weekEnding: string;
  orgCode: string;
  tumourSite: string;
  days0To28: number;
  days29To62: number;
  days63To104: number;
  daysOver104: number;
}

/** A row for `PUT /backlog`: RGT's lung list for the week ending Sunday 1 March 2026. */
export function aBacklogWeek(overrides: Partial<BacklogWeek> = {}): BacklogWeek {
  return {
    weekEnding: '2026-03-01',
    orgCode: 'RGT',
    tumourSite: 'lung',
    days0To28: 40,
    days29To62: 20,
    days63To104: 10,
    daysOver104: 2,
    ...overrides,
  };
}

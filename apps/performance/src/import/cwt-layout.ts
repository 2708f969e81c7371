/**
 * Reads rows of the published Cancer Waiting Times layouts into one shape. Two layouts are
 * published (the provider extract and the newer monthly CSV); header case and spacing vary
 * between years, so headers are matched after folding case and runs of spaces, underscores
 * and slashes.
 */

import { MONTH_ABBREVIATIONS } from '#contracts';
import type { WaitingTimeStandard } from '#contracts';
import { memo } from './memo.js';

/** Public Health Scotland's two quarterly files (phs-layout.ts). */
export type PhsLayout = 'phs-31-day' | 'phs-62-day';
/** England's two published layouts, and Public Health Scotland's two files. */
export type CwtLayout = 'provider-extract' | 'monthly-csv' | PhsLayout;
export type Basis = 'provider' | 'commissioner';

export interface CwtRow {
  period: string; // YYYY-MM
  standard: WaitingTimeStandard;
  orgCode: string;
  /** Provider rows count once; commissioner rows restate the same patients by commissioner. */
  basis: Basis;
  cancerType: string;
  route: string;
  modality: string;
  total: number;
  within: number;
  breaches: number;
  /** A total whatever the rest of the file holds (PHS's Scotland-wide and derived figures). */
  derived?: boolean;
}

type Field =
  | 'period'
  | 'standard'
  | 'orgCode'
  | 'cancerType'
  | 'route'
  | 'modality'
  | 'total'
  | 'within'
  | 'breaches'
  | 'basis';

/** The columns of a header row, and the layout they belong to. */
export interface CwtHeader {
  layout: Exclude<CwtLayout, PhsLayout>;
  indexes: Map<Field, number>;
  /** The month for every row when the file has no period column (the newer monthly CSV). */
  period?: string;
}

/** Header spellings seen in the two published layouts, folded (upper case, single spaces). */
const HEADERS: Record<string, Field> = {
  PERIOD: 'period',
  MONTH: 'period',
  STANDARD: 'standard',
  'STANDARD OR ITEM': 'standard',
  'ORG CODE': 'orgCode',
  'CANCER TYPE': 'cancerType',
  'STAGE ROUTE': 'route',
  'REFERRAL ROUTE OR STAGE': 'route',
  'TREATMENT MODALITY': 'modality',
  TOTAL: 'total',
  'TOTAL TREATED': 'total',
  'WITHIN STANDARD': 'within',
  WITHIN: 'within',
  BREACHES: 'breaches',
  AFTER: 'breaches',
  BASIS: 'basis',
};

const REQUIRED: readonly Field[] = [
  'standard',
  'orgCode',
  'cancerType',
  'total',
  'within',
  'breaches',
];

const STANDARD_NAMES: Record<string, WaitingTimeStandard> = {
  '28 DAY FDS': 'fds-28',
  FDS: 'fds-28',
  '31 DAY COMBINED': 'combined-31',
  '31D': 'combined-31',
  '62 DAY COMBINED': 'combined-62',
  '62D': 'combined-62',
};

/**
 * The two-week-wait standards, retired in October 2023 (when the three standards began), that
 * older provider extracts still hold. Their rows are skipped and reported, never counted and
 * never a problem.
 */
export const RETIRED_STANDARDS = ['2WW', '2WW Breast Symptomatic'] as const;
export type RetiredStandard = (typeof RETIRED_STANDARDS)[number];

/** The import report's note when it skipped rows of a retired standard. */
export const RETIRED_NOTE =
  'The two-week-wait standards were retired in October 2023 and their rows are not counted.';

/** What one data row reads as: a row, what is wrong with it, or the retired standard it is of. */
export type RowResult = CwtRow | { problem: string } | { retired: RetiredStandard };

/**
 * The retired standard a STANDARD cell names, if any: `2WW`, `Two Week Wait`, `2 Week Wait`,
 * and their breast symptomatic forms (`2WW Breast Symptomatic`, `Two Week Wait - Breast
 * Symptomatic`), in any case and spacing.
 */
export function retiredStandard(name: string): RetiredStandard | undefined {
  const folded = fold(name);
  if (!/^(2 ?WW|TWO WEEK WAIT|2 WEEK WAIT)\b/.test(folded)) {
    return undefined;
  }
  return /\bBREAST\b/.test(folded) ? '2WW Breast Symptomatic' : '2WW';
}

const MONTHS = MONTH_ABBREVIATIONS.map((month) => month.toUpperCase());

/** Folds a header or code as files vary it: upper case, one space for runs of spaces, `_`, `/` and `-`. */
export function fold(text: string): string {
  return text
    .trim()
    .toUpperCase()
    .replace(/[\s_/-]+/g, ' ');
}

/** The columns a header has, the first twenty of them: enough to see which file it is. */
function found(columns: readonly string[]): string {
  const shown = columns.slice(0, 20).join(', ');
  return columns.length > 20 ? `${shown}, and ${columns.length - 20} more` : shown;
}

/**
 * Maps each known column to its index; throws naming what a header row lacks. The newer
 * monthly CSV has no period column: its month comes from the file's name or the uploader, as
 * `period`.
 */
export function readHeader(columns: readonly string[], period?: string): CwtHeader {
  const indexes = new Map<Field, number>();
  columns.forEach((column, index) => {
    const field = HEADERS[fold(column)];
    if (field && !indexes.has(field)) {
      indexes.set(field, index);
    }
  });
  const missing = REQUIRED.filter((field) => !indexes.has(field));
  if (!indexes.has('period') && period === undefined) {
    missing.unshift('period');
  }
  if (missing.length > 0) {
    throw new Error(
      `Not a CWT layout: no column for ${missing.join(', ')} (found: ${found(columns)})`,
    );
  }
  const layout = columns.some((column) => fold(column) === 'STANDARD OR ITEM')
    ? 'monthly-csv'
    : 'provider-extract';
  return { layout, indexes, ...(period === undefined ? {} : { period }) };
}

/** `2026-03`, `2026-03-01`, `MAR-26`, `March 2026` or `01/03/2026` as YYYY-MM. */
export function readPeriod(text: string): string | undefined {
  const value = text.trim();
  const month = (year: string, number: string) =>
    Number(number) >= 1 && Number(number) <= 12 ? `${year}-${number}` : undefined;
  let match = /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(value);
  if (match) {
    return month(match[1]!, match[2]!);
  }
  match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
  if (match) {
    return month(match[3]!, match[2]!);
  }
  match = /^([A-Za-z]{3})[A-Za-z]*[\s-]+(\d{2}|\d{4})$/.exec(value);
  if (match) {
    const index = MONTHS.indexOf(match[1]!.toUpperCase());
    const year = match[2]!.length === 2 ? `20${match[2]}` : match[2]!;
    return index >= 0 ? `${year}-${String(index + 1).padStart(2, '0')}` : undefined;
  }
  return undefined;
}

/** A count: whole, or a half where a breach is shared between two providers. */
function readCount(text: string): number | undefined {
  const value = Number(text.includes(',') ? text.trim().replace(/,/g, '') : text);
  return Number.isFinite(value) && value >= 0 && Number.isInteger(value * 2) ? value : undefined;
}

/**
 * A value such as `ALL ROUTES`, `ALL CANCERS` or `ALL MODALITIES`. Whether its row is a total
 * depends on the rest of the file (see cwt-totals.ts): where the file breaks that dimension
 * down, the row sums other rows; where it does not (the 28-day FDS has no treatment), it is the
 * detail.
 */
export function isAllValue(name: string): boolean {
  return /^\s*ALL\b/i.test(name);
}

/** What is wrong with a row's counts, if anything: they must add up. */
export function countsProblem(total: number, within: number, breaches: number): string | undefined {
  return Math.abs(within + breaches - total) > 1e-9
    ? `within (${within}) and breaches (${breaches}) do not add up to total (${total})`
    : undefined;
}

const TEXT_LIMIT = 200;

/** What is wrong with a row's names, if anything: a cancer type, and no name past the limit. */
export function textProblem(names: {
  cancerType: string;
  route: string;
  modality: string;
}): string | undefined {
  if (names.cancerType === '') {
    return 'no cancer type';
  }
  // Each name by hand, not Object.entries: this runs for every row of a national file.
  const long =
    names.cancerType.length > TEXT_LIMIT
      ? 'cancerType'
      : names.route.length > TEXT_LIMIT
        ? 'route'
        : names.modality.length > TEXT_LIMIT
          ? 'modality'
          : undefined;
  return long ? `${long} is longer than ${TEXT_LIMIT} characters` : undefined;
}

/**
 * Reads one data row, or says what is wrong with it. A row of a retired standard is only named
 * as such: it is never counted, so nothing else in it is checked.
 */
export function readRow(header: CwtHeader, cells: readonly string[]): RowResult {
  return rowReader(header)(cells);
}

/** A standard's cell read: the retired standard it names, the standard, or neither. */
type StandardRead = { retired: RetiredStandard } | { standard: WaitingTimeStandard } | null;

/**
 * readRow for every row of one file: the same checks in the same order, with what a file
 * repeats on every row (its standards, months, providers) read once (memo.ts).
 */
export function rowReader(header: CwtHeader): (cells: readonly string[]) => RowResult {
  const at = (field: Field) => header.indexes.get(field) ?? -1;
  const [iPeriod, iStandard, iOrg, iBasis, iType, iRoute, iModality, iTotal, iWithin, iBreaches] = (
    [
      'period',
      'standard',
      'orgCode',
      'basis',
      'cancerType',
      'route',
      'modality',
      'total',
      'within',
      'breaches',
    ] as const
  ).map(at) as [number, number, number, number, number, number, number, number, number, number];
  const standardOf = memo((text): StandardRead => {
    const retired = retiredStandard(text);
    if (retired) {
      return { retired };
    }
    const standard = STANDARD_NAMES[fold(text)];
    return standard ? { standard } : null;
  });
  const periodOf = memo(readPeriod);
  const orgCodeOf = memo((text) => {
    const code = text.toUpperCase();
    return /^[A-Z0-9]{1,9}$/.test(code) ? code : null;
  });
  return (cells) => {
    const cell = (index: number) => (index < 0 ? '' : (cells[index] ?? '').trim());
    const standardText = cell(iStandard);
    const standardRead = standardOf(standardText);
    if (standardRead && 'retired' in standardRead) {
      return standardRead;
    }
    const period = iPeriod >= 0 ? periodOf(cell(iPeriod)) : header.period;
    if (!period) {
      return { problem: `unreadable period "${cell(iPeriod)}"` };
    }
    const basisText = cell(iBasis).toLowerCase();
    if (basisText !== '' && basisText !== 'provider' && basisText !== 'commissioner') {
      return { problem: `unknown basis "${cell(iBasis)}" (Provider or Commissioner)` };
    }
    const basis: Basis = basisText === 'commissioner' ? 'commissioner' : 'provider';
    if (!standardRead) {
      return { problem: `unknown standard "${standardText}"` };
    }
    const orgCode = orgCodeOf(cell(iOrg));
    if (orgCode === null) {
      return { problem: `invalid ODS code "${cell(iOrg)}"` };
    }
    const total = readCount(cell(iTotal));
    const within = readCount(cell(iWithin));
    const breaches = readCount(cell(iBreaches));
    if (total === undefined || within === undefined || breaches === undefined) {
      return { problem: 'total, within and breaches must be counts (halves allowed)' };
    }
    const counts = countsProblem(total, within, breaches);
    if (counts) {
      return { problem: counts };
    }
    const cancerType = cell(iType);
    // Empty where the standard has no such breakdown (FDS has no modality): a detail row still.
    const route = cell(iRoute);
    const modality = cell(iModality);
    const text = textProblem({ cancerType, route, modality });
    if (text) {
      return { problem: text };
    }
    return {
      period,
      standard: standardRead.standard,
      orgCode,
      basis,
      cancerType,
      route,
      modality,
      total,
      within,
      breaches,
    };
  };
}

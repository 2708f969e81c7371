/**
 * Reads Public Health Scotland's quarterly cancer waiting times open data (the 31-day and the
 * 62-day file, as published) into the rows the CWT importer stages.
 *
 * - `Quarter` is a calendar quarter (`2024Q3`); its row's period is the quarter's first month
 *   (`2024-07`), so quarters of the quarterly Scottish standards are three months apart.
 * - The 62-day standard counts by board of receipt of referral (`HB`), the 31-day by board of
 *   treatment (`HBT`): that board is the row's organisation, and the other board is kept in its
 *   route, so one board's rows by the other board stay apart. `S92000003` (Scotland as a whole)
 *   in the other board reads as `ALL BOARDS`, a total where the file breaks it down.
 * - `S92000003` as the counting board, `All Cancer Types`, and any `d` (derived, an aggregate)
 *   qualifier mark a total: such rows are kept but never counted.
 */

import type { WaitingTimeStandard } from '#contracts';
import { fold, textProblem, type CwtRow, type PhsLayout } from './cwt-layout.js';

/** Scotland as a whole, in PHS's board columns. */
export const SCOTLAND = 'S92000003';

interface PhsColumns {
  quarter: number;
  hb: number;
  hbQf: number | undefined;
  hbt: number;
  hbtQf: number | undefined;
  cancerType: number;
  cancerTypeQf: number | undefined;
  eligible: number;
  eligibleQf: number | undefined;
  within: number;
  withinQf: number | undefined;
}

export interface PhsHeader {
  layout: PhsLayout;
  standard: Extract<WaitingTimeStandard, 'scotland-31' | 'scotland-62'>;
  columns: PhsColumns;
}

const COUNTS = {
  'phs-62-day': {
    eligible: 'NUMBEROFELIGIBLEREFERRALS62DAYSTANDARD',
    within: 'NUMBEROFELIGIBLEREFERRALSTREATEDWITHIN62DAYS',
    standard: 'scotland-62',
  },
  'phs-31-day': {
    eligible: 'NUMBEROFELIGIBLEREFERRALS31DAYSTANDARD',
    within: 'NUMBEROFELIGIBLEREFERRALSTREATEDWITHIN31DAYS',
    standard: 'scotland-31',
  },
} as const;

/** PHS headers folded: upper case, without spaces or underscores. */
const key = (column: string) => fold(column).replace(/ /g, '');

/** The PHS layout a header is, or null when it is not one (an English CWT layout, say). */
export function readPhsHeader(header: readonly string[]): PhsHeader | null {
  const index = new Map<string, number>();
  header.forEach((column, i) => {
    if (!index.has(key(column))) {
      index.set(key(column), i);
    }
  });
  const layout = (Object.keys(COUNTS) as PhsLayout[]).find((l) => index.has(COUNTS[l].eligible));
  if (!layout) {
    return null;
  }
  const counts = COUNTS[layout];
  const required = ['QUARTER', 'HB', 'HBT', 'CANCERTYPE', counts.eligible, counts.within];
  const missing = required.filter((column) => !index.has(column));
  if (missing.length > 0) {
    throw new Error(`Not a PHS ${layout.slice(4)} file: no column ${missing.join(', ')}`);
  }
  const at = (column: string) => index.get(column)!;
  return {
    layout,
    standard: counts.standard,
    columns: {
      quarter: at('QUARTER'),
      hb: at('HB'),
      hbQf: index.get('HBQF'),
      hbt: at('HBT'),
      hbtQf: index.get('HBTQF'),
      cancerType: at('CANCERTYPE'),
      cancerTypeQf: index.get('CANCERTYPEQF'),
      eligible: at(counts.eligible),
      eligibleQf: index.get(`${counts.eligible}QF`),
      within: at(counts.within),
      withinQf: index.get(`${counts.within}QF`),
    },
  };
}

/** `2024Q3` as its first month, `2024-07`. */
export function quarterPeriod(text: string): string | undefined {
  const match = /^(\d{4})\s*Q([1-4])$/i.exec(text.trim());
  return match ? `${match[1]}-${String(Number(match[2]) * 3 - 2).padStart(2, '0')}` : undefined;
}

/** A PHS row, with `derived` when it is a total whatever the rest of the file holds. */
export type PhsRow = CwtRow & { derived: boolean };

/** Reads one PHS data row, or says what is wrong with it. */
export function readPhsRow(
  header: PhsHeader,
  cells: readonly string[],
): PhsRow | { problem: string } {
  const cell = (index: number | undefined) =>
    index === undefined ? '' : (cells[index] ?? '').trim();
  const period = quarterPeriod(cell(header.columns.quarter));
  if (!period) {
    return { problem: `unreadable quarter "${cell(header.columns.quarter)}" (as 2024Q3)` };
  }
  const boards = [cell(header.columns.hb).toUpperCase(), cell(header.columns.hbt).toUpperCase()];
  const [counting, other] = header.standard === 'scotland-62' ? boards : [boards[1]!, boards[0]!];
  for (const board of [counting!, other!]) {
    if (!/^S\d{8}$/.test(board)) {
      return { problem: `invalid board code "${board}" (as S08000031)` };
    }
  }
  const counts: number[] = [];
  for (const [name, column, qualifier] of [
    ['eligible referrals', header.columns.eligible, header.columns.eligibleQf],
    ['treated within the standard', header.columns.within, header.columns.withinQf],
  ] as const) {
    const text = cell(column);
    const value = Number(text.replace(/,/g, ''));
    if (text === '' || !Number.isInteger(value) || value < 0) {
      const qf = cell(qualifier);
      return {
        problem: `${name} is not a count: "${text}"${qf ? ` (qualifier "${qf}")` : ''}`,
      };
    }
    counts.push(value);
  }
  const [total, within] = counts as [number, number];
  if (within > total) {
    return { problem: `more treated within the standard (${within}) than eligible (${total})` };
  }
  const cancerType = cell(header.columns.cancerType);
  const route = other === SCOTLAND ? 'ALL BOARDS' : other!;
  const text = textProblem({ cancerType, route, modality: '' });
  if (text) {
    return { problem: text };
  }
  const qualifiers = [header.columns.hbQf, header.columns.hbtQf, header.columns.cancerTypeQf];
  const derived = counting === SCOTLAND || qualifiers.some((q) => cell(q).toLowerCase() === 'd');
  return {
    period,
    standard: header.standard,
    orgCode: counting!,
    basis: 'provider',
    cancerType,
    route,
    modality: '',
    total,
    within,
    breaches: total - within,
    derived,
  };
}

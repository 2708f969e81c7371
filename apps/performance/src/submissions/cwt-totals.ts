/**
 * Which staged rows are totals, decided by their siblings in the same submission, and what each
 * standard and month of it leaves to count. Used by every import, a file's or an API call's.
 *
 * A value such as `ALL ROUTES` or `ALL MODALITIES` is a total only where the submission breaks
 * that dimension down: a row is a total where the submission holds another row of the same
 * month, standard, provider and basis that it sums, one with the same cancer type, route and
 * modality wherever this row names a specific one, and a specific value in at least one
 * dimension where this row says `ALL ...`. Otherwise its `ALL ...` value is the detail: the
 * 28-day FDS has no treatment, so FDS rows that all say `ALL MODALITIES` are its detail rows,
 * exactly as if the modality were blank. (For a total in one dimension this is the rule as
 * stated; a row that says `ALL` in two dimensions is a total of the rows that break down either.)
 *
 * Set-based: one grouped pass over the staging table for each combination of `ALL ...`
 * dimensions the submission holds (one for a national file), never a query per row.
 */

import type { PoolClient } from 'pg';
import type { WaitingTimeStandard } from '#contracts';
import type { RowProblem } from '../common/unprocessable-rows.error.js';

/** What one standard and month of a submission holds: the rows counted and the rows taken as totals. */
export interface PartCount {
  standard: WaitingTimeStandard;
  period: string; // YYYY-MM
  /** Provider-basis rows that are not totals: the rows performance adds up. */
  rowsCounted: number;
  rowsTotals: number;
}

const DIMENSIONS = [
  { name: 'cancer_type_key', all: 'all_cancer_type' },
  { name: 'route', all: 'all_route' },
  { name: 'modality', all: 'all_modality' },
] as const;

const PART = 'period, standard, org_code, basis';

/**
 * Sets `aggregate` on every staged row that totals others, by the rule above (rows derived in
 * their file are staged as totals already). `staged` names the kinds of row staged, as
 * RowStager.kinds: which of cancer type, route and modality are `ALL ...` (`t`) or not (`f`).
 */
export async function markTotals(client: PoolClient, staged: Iterable<string>): Promise<void> {
  const kinds = [...staged]
    .filter((flags) => flags.includes('t'))
    .sort()
    .map((flags) => ({
      all_cancer_type: flags[0] === 't',
      all_route: flags[1] === 't',
      all_modality: flags[2] === 't',
    }));
  for (const kind of kinds) {
    const alls = DIMENSIONS.filter((d) => kind[d.all]);
    const named = DIMENSIONS.filter((d) => !kind[d.all]).map((d) => d.name);
    const key = [PART, ...named].join(', ');
    const t = (columns: string) =>
      columns
        .split(', ')
        .map((c) => `t.${c}`)
        .join(', ');
    const d = (columns: string) =>
      columns
        .split(', ')
        .map((c) => `d.${c}`)
        .join(', ');
    // Groups of rows alike in this kind's named dimensions, holding a row that names at least
    // one of the dimensions this kind says ALL in: each such group's ALL rows are its totals.
    await client.query(
      `UPDATE cwt_staging t SET aggregate = true
         FROM (SELECT ${key} FROM cwt_staging
                GROUP BY ${key}
               HAVING bool_or(NOT (${alls.map((a) => a.all).join(' AND ')}))) d
        WHERE ${DIMENSIONS.map((a) => `t.${a.all} = ${kind[a.all]}`).join(' AND ')}
          AND (${t(key)}) = (${d(key)})`,
    );
  }
}

/** Each standard and month of the staged rows, with the rows counted and taken as totals, in order. */
export async function countParts(client: PoolClient): Promise<(PartCount & { line: number })[]> {
  const parts = await client.query<PartCount & { line: number }>(
    `SELECT standard, to_char(period, 'YYYY-MM') AS period,
            count(*) FILTER (WHERE basis = 'provider' AND NOT aggregate)::int AS "rowsCounted",
            count(*) FILTER (WHERE aggregate)::int AS "rowsTotals",
            min(line) AS line
       FROM cwt_staging GROUP BY standard, period ORDER BY standard, period`,
  );
  return parts.rows;
}

/**
 * A standard and month with nothing to count: every row a commissioner restatement or a
 * total. Its figures would be missing without a word, so it is a problem, named at its first
 * line.
 */
export function uncountedProblems(parts: readonly (PartCount & { line: number })[]): RowProblem[] {
  return parts
    .filter((part) => part.rowsCounted === 0)
    .map((part) => ({
      line: part.line,
      problem:
        `${part.standard} ${part.period}: no row to count (performance adds up provider-basis ` +
        `rows that are not totals; of these rows ${part.rowsTotals} are totals and the rest ` +
        `commissioner-basis)`,
    }));
}

import { randomUUID } from 'node:crypto';
import type { DataStatus, WaitingTimeStandard } from '#contracts';
import type { RowProblem } from '../common/unprocessable-rows.error.js';
import type { DetectionResult } from '../detection/detection.service.js';
import { RETIRED_NOTE, type CwtLayout, type RetiredStandard } from '../import/cwt-layout.js';
import type { PartCount } from './cwt-totals.js';
import type { ImportLimit } from './file-problem.js';
import type { ImportMode, ImportRun, ImportStatus, SkippedRows } from './import-run.entity.js';

export interface ImportOptions {
  source: 'csv' | 'api';
  fileName: string | null;
  mode: ImportMode;
  /** The month of every row, for a file with no period column. */
  period?: string;
  submittedBy: string;
  /** Whether the figures are provisional (the default) or final. */
  dataStatus?: DataStatus;
  /** Called every PROGRESS_EVERY rows read (see cwt-staging.ts), and at the end. */
  onProgress?: (rowsRead: number) => void;
  /** Called with each phase's name and milliseconds as it ends (read, copy, ..., detection). */
  onPhase?: (phase: string, milliseconds: number) => void;
}

export interface ImportReport {
  importId: string;
  status: ImportStatus;
  source: 'csv' | 'api';
  layout: CwtLayout | null;
  fileName: string | null;
  mode: ImportMode;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  /** Rows of a retired standard (two-week wait): read, never counted, and no problem. */
  rowsSkipped: number;
  /** The skipped rows per retired standard, in the order first met. */
  skipped: SkippedRows[];
  /** Plain sentences on what the import left out and why; empty when it left nothing out. */
  notes: string[];
  aggregateRows: number;
  rowsReplaced: number;
  /** Per standard and month, the rows counted and the rows taken as totals (cwt-totals.ts). */
  byStandardAndPeriod: PartCount[];
  periods: string[];
  standards: WaitingTimeStandard[];
  problems: RowProblem[];
  unmappedProviders: string[];
  unmappedCancerTypes: string[];
  submittedBy: string;
  dataStatus: DataStatus;
  /** What detection announced; null when nothing was imported. */
  detection: DetectionResult | null;
  /** The cap that stopped the import, when one did (its problem says which and where). */
  limit: ImportLimit | null;
}

/** The bad rows a report names; `rowsRejected` counts them all. */
export const PROBLEMS_KEPT = 1000;

/** The report of an import that has read nothing yet: rejected until its rows are written. */
export function newReport(options: ImportOptions): ImportReport {
  return {
    importId: randomUUID(),
    status: 'rejected',
    source: options.source,
    layout: null,
    fileName: options.fileName,
    mode: options.mode,
    rowsRead: 0,
    rowsImported: 0,
    rowsRejected: 0,
    rowsSkipped: 0,
    skipped: [],
    notes: [],
    aggregateRows: 0,
    rowsReplaced: 0,
    byStandardAndPeriod: [],
    periods: [],
    standards: [],
    problems: [],
    unmappedProviders: [],
    unmappedCancerTypes: [],
    submittedBy: options.submittedBy,
    dataStatus: options.dataStatus ?? 'provisional',
    detection: null,
    limit: null,
  };
}

/** Counts a row of a retired standard as skipped, with the note that says why, once. */
export function skipRetired(report: ImportReport, standard: RetiredStandard): void {
  report.rowsSkipped += 1;
  const kept = report.skipped.find((entry) => entry.standard === standard);
  if (kept) {
    kept.rows += 1;
  } else {
    report.skipped.push({ standard, rows: 1 });
  }
  if (!report.notes.includes(RETIRED_NOTE)) {
    report.notes.push(RETIRED_NOTE);
  }
}

/**
 * The problems in line order, the first PROBLEMS_KEPT of them; an import of no rows (or of
 * retired standards' rows only) is one.
 */
export function settleProblems(report: ImportReport): void {
  report.problems.sort((a, b) => a.line - b.line);
  report.problems = report.problems.slice(0, PROBLEMS_KEPT);
  if (report.rowsRead === report.rowsSkipped) {
    const problem =
      report.rowsSkipped === 0
        ? 'no rows to import'
        : 'no rows to import: every row is of a retired standard';
    report.problems = [{ line: 2, problem }];
  }
}

/**
 * By default any bad row, or any standard and month with no row to count (each a problem too), rejects the whole
 * import; in `good-rows` mode only having no good row does (the rest are listed as problems).
 */
export function isRejected(report: ImportReport): boolean {
  return (
    ((report.rowsRejected > 0 ||
      report.byStandardAndPeriod.some((part) => part.rowsCounted === 0)) &&
      report.mode === 'all-or-nothing') ||
    report.rowsRead - report.rowsSkipped === report.rowsRejected
  );
}

/** What is kept of a report, accepted or not. */
export function importRunOf(report: ImportReport): Partial<ImportRun> {
  const { detection: _detection, limit: _limit, importId, ...rest } = report;
  return { ...rest, id: importId };
}

/**
 * A report that stopped on an error nobody foresaw: nothing was written, and the problem names
 * the request's correlation id, under which the error itself is logged.
 */
export function failed(report: ImportReport, correlationId: string | undefined): ImportReport {
  const reference = correlationId === undefined ? '' : ` (correlation id ${correlationId})`;
  return {
    ...report,
    status: 'failed',
    rowsImported: 0,
    rowsReplaced: 0,
    aggregateRows: 0,
    problems: [
      { line: 0, problem: `the import failed unexpectedly${reference}: nothing was imported` },
    ],
  };
}

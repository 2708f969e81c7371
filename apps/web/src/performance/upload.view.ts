import { count, monthName } from './performance-labels.js';

/** An import's report, as performance's POST /imports and GET /imports/:id answer it. */
export interface ImportReport {
  /** `importId` in POST's answer, `id` in the import kept. */
  importId?: string;
  id?: string;
  status: 'imported' | 'rejected' | 'failed';
  layout: 'provider-extract' | 'monthly-csv' | 'phs-62-day' | 'phs-31-day' | null;
  fileName: string | null;
  mode: 'all-or-nothing' | 'good-rows';
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  aggregateRows: number;
  rowsReplaced: number;
  periods: string[];
  standards: string[];
  problems: { line: number; problem: string }[];
  unmappedProviders: string[];
  unmappedCancerTypes: string[];
  /** Per standard and period: the rows performance adds up, and the totals set aside. */
  byStandardAndPeriod?: {
    standard: string;
    period: string;
    rowsCounted: number;
    rowsTotals: number;
  }[];
  /** In POST's answer only. */
  detection?: { subjects: number; breached: number; recovered: number } | null;
}

/** What the service answered a refused file with: its message, the bad lines, the report. */
export interface RefusedImport {
  message?: unknown;
  errors?: { field: string; line?: number; messages: string[] }[];
  report?: ImportReport;
}

export const IMPORT_MODES = ['all-or-nothing', 'good-rows'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** Lines named in the error summary; the table below it names them all. */
export const SUMMARY_LINES = 10;

const FILE_INPUT = 'file';

const LAYOUTS: Record<string, string> = {
  'provider-extract': 'Provider extract',
  'monthly-csv': 'Monthly CSV',
  'phs-62-day': 'Public Health Scotland 62-day',
  'phs-31-day': 'Public Health Scotland 31-day',
};

/** The form as it was sent, so a refused one shows the person's own choice again. */
export function modeItems(mode: ImportMode) {
  return [
    {
      value: 'all-or-nothing',
      text: 'Import nothing',
      hint: { text: 'Correct the file and upload it again' },
      checked: mode === 'all-or-nothing',
    },
    {
      value: 'good-rows',
      text: 'Import the good lines',
      hint: { text: 'The bad lines are listed for you to correct' },
      checked: mode === 'good-rows',
    },
  ];
}

/** The empty form. */
export function uploadForm(mode: ImportMode = 'all-or-nothing') {
  return { modeItems: modeItems(mode), errors: undefined, problems: [], report: undefined };
}

/**
 * A file the service refused (422 for bad lines or too many of them, 413 too big, 408 too
 * slow, 400 a bad query) or the web app refused before sending it (none chosen, too big): the
 * error summary names the first lines' problems, each linking to the file input, and the
 * table names every bad line the report kept.
 */
export function refusedView(
  refusal: RefusedImport | string,
  fileName: string | undefined,
  mode: ImportMode,
) {
  const body: RefusedImport = typeof refusal === 'string' ? { message: refusal } : refusal;
  const message = Array.isArray(body.message)
    ? body.message.join('. ')
    : typeof body.message === 'string'
      ? body.message
      : 'The file could not be imported';
  const lines = (body.errors ?? []).map((error) => ({
    line: error.line ?? lineOf(error.field),
    text: error.messages.join('. '),
  }));
  const problems =
    body.report?.problems.map((problem) => ({
      line: problem.line === 0 ? 'Whole file' : String(problem.line),
      problem: problem.problem,
    })) ??
    lines.map((line) => ({
      line: line.line === undefined || line.line === 0 ? 'Whole file' : String(line.line),
      problem: line.text,
    }));
  const errorList = [
    { text: sentence(message), href: `#${FILE_INPUT}` },
    ...lines.slice(0, SUMMARY_LINES).map((line) => ({
      text: line.line ? `Line ${line.line}: ${line.text}` : sentence(line.text),
      href: `#${FILE_INPUT}`,
    })),
  ];
  if (lines.length > SUMMARY_LINES) {
    errorList.push({
      text: `And ${lines.length - SUMMARY_LINES} more lines: see the table of problems`,
      href: '#problems',
    });
  }
  return {
    modeItems: modeItems(mode),
    fileName,
    errors: {
      list: errorList,
      file: { text: sentence(message) },
    },
    problems,
    report: undefined,
  };
}

/** An imported file: what was read, imported, replaced and set aside, for which months. */
export function importedView(
  report: ImportReport,
  standardNames: Readonly<Record<string, string>> = {},
) {
  const rows: { key: string; value: string }[] = [
    { key: 'File', value: report.fileName ?? 'Not named' },
    { key: 'Layout', value: report.layout ? (LAYOUTS[report.layout] ?? report.layout) : '' },
    { key: 'Lines read', value: count(report.rowsRead) },
    { key: 'Lines imported', value: count(report.rowsImported) },
    { key: 'Totals set aside', value: count(report.aggregateRows) },
    { key: 'Lines replacing earlier figures', value: count(report.rowsReplaced) },
    { key: 'Months', value: report.periods.map(monthName).join(', ') || 'None' },
    {
      key: 'Standards',
      value: report.standards.map((code) => standardNames[code] ?? code).join(', ') || 'None',
    },
  ];
  if (report.rowsRejected > 0) {
    rows.push({ key: 'Lines not imported', value: count(report.rowsRejected) });
  }
  if (report.unmappedProviders.length > 0) {
    rows.push({
      key: 'Providers in no alliance',
      value: report.unmappedProviders.join(', '),
    });
  }
  if (report.unmappedCancerTypes.length > 0) {
    rows.push({
      key: 'Cancer types in no tumour site',
      value: report.unmappedCancerTypes.join(', '),
    });
  }
  if (report.detection) {
    rows.push({
      key: 'Breach detection',
      value: `${report.detection.breached} breached, ${report.detection.recovered} recovered`,
    });
  }
  // A PHS file's periods are quarters, kept as their first month.
  const periodName = report.layout?.startsWith('phs-')
    ? (period: string) => `Quarter from ${monthName(period)}`
    : monthName;
  return {
    title:
      report.status !== 'imported'
        ? 'Nothing was imported from this file'
        : report.rowsRejected > 0
          ? `Imported ${count(report.rowsImported)} of ${count(report.rowsRead)} lines`
          : `Imported ${count(report.rowsImported)} lines`,
    rows,
    counts: (report.byStandardAndPeriod ?? []).map((part) => ({
      standard: standardNames[part.standard] ?? part.standard,
      period: periodName(part.period),
      counted: count(part.rowsCounted),
      totals: count(part.rowsTotals),
    })),
    problems: report.problems.map((problem) => ({
      line: problem.line === 0 ? 'Whole file' : String(problem.line),
      problem: problem.problem,
    })),
  };
}

function lineOf(field: string): number | undefined {
  const match = /^line (\d+)$/.exec(field);
  return match ? Number(match[1]) : undefined;
}

/** The service's messages begin in lower case; the error summary's items are sentences. */
function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

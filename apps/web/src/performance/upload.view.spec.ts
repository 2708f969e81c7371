import { importedView, refusedView, SUMMARY_LINES, type ImportReport } from './upload.view.js';

const report: ImportReport = {
  importId: 'i1',
  status: 'imported',
  layout: 'provider-extract',
  fileName: 'cwt-may.csv',
  mode: 'all-or-nothing',
  rowsRead: 4,
  rowsImported: 4,
  rowsRejected: 0,
  aggregateRows: 1,
  rowsReplaced: 0,
  periods: ['2026-05'],
  standards: ['fds-28'],
  problems: [],
  unmappedProviders: [],
  unmappedCancerTypes: [],
  detection: { subjects: 1, breached: 0, recovered: 0 },
};

describe('the CWT upload page', () => {
  it("names each bad line in the error summary, linked to the file input, and keeps the person's choice", () => {
    const view = refusedView(
      {
        message: '1 bad row(s) in 3: nothing was imported',
        errors: [
          { field: 'line 3', line: 3, messages: ['within (12) must not be more than total (10)'] },
        ],
        report: {
          ...report,
          status: 'rejected',
          problems: [{ line: 3, problem: 'within (12) must not be more than total (10)' }],
        },
      },
      'bad.csv',
      'good-rows',
    );
    expect(view.errors.list).toEqual([
      { text: '1 bad row(s) in 3: nothing was imported', href: '#file' },
      { text: 'Line 3: within (12) must not be more than total (10)', href: '#file' },
    ]);
    expect(view.errors.file).toEqual({ text: '1 bad row(s) in 3: nothing was imported' });
    expect(view.problems).toEqual([
      { line: '3', problem: 'within (12) must not be more than total (10)' },
    ]);
    expect(view.fileName).toBe('bad.csv');
    expect(view.modeItems.find((item) => item.checked)?.value).toBe('good-rows');
  });

  it('sends the person to the table for lines past the first ones, and names a whole-file problem', () => {
    const errors = Array.from({ length: SUMMARY_LINES + 5 }, (_, index) => ({
      field: `line ${index + 2}`,
      messages: ['period is not a month'],
    }));
    const view = refusedView({ message: 'bad rows', errors }, 'x.csv', 'all-or-nothing');
    expect(view.errors.list).toHaveLength(SUMMARY_LINES + 2);
    expect(view.errors.list.at(-1)).toEqual({
      text: 'And 5 more lines: see the table of problems',
      href: '#problems',
    });
    expect(view.problems).toHaveLength(SUMMARY_LINES + 5);
    const tooBig = refusedView('The file must be smaller than 10 MB', undefined, 'all-or-nothing');
    expect(tooBig.errors.list).toEqual([
      { text: 'The file must be smaller than 10 MB', href: '#file' },
    ]);
    expect(tooBig.problems).toEqual([]);
  });

  it("shows an import's figures: lines read and imported, totals set aside, months", () => {
    const view = importedView(report, { 'fds-28': '28-day Faster Diagnosis Standard' });
    expect(view.title).toBe('Imported 4 lines');
    expect(view.rows).toEqual(
      expect.arrayContaining([
        { key: 'Lines read', value: '4' },
        { key: 'Lines imported', value: '4' },
        { key: 'Totals set aside', value: '1' },
        { key: 'Months', value: 'May 2026' },
        { key: 'Standards', value: '28-day Faster Diagnosis Standard' },
        { key: 'Breach detection', value: '0 breached, 0 recovered' },
      ]),
    );
    const partial = importedView({
      ...report,
      mode: 'good-rows',
      rowsImported: 3,
      rowsRejected: 1,
      unmappedProviders: ['RXX'],
      problems: [{ line: 4, problem: 'total must be a number' }],
    });
    expect(partial.title).toBe('Imported 3 of 4 lines');
    expect(partial.rows).toEqual(
      expect.arrayContaining([{ key: 'Providers in no alliance', value: 'RXX' }]),
    );
    expect(partial.problems).toEqual([{ line: '4', problem: 'total must be a number' }]);
  });

  it('counts lines by standard and period, a PHS file by quarter', () => {
    const byPart = (standard: string, period: string, rowsCounted: number, rowsTotals: number) => ({
      standard,
      period,
      rowsCounted,
      rowsTotals,
    });
    const english = importedView(
      { ...report, byStandardAndPeriod: [byPart('fds-28', '2026-05', 3, 1)] },
      { 'fds-28': '28-day Faster Diagnosis Standard' },
    );
    expect(english.counts).toEqual([
      {
        standard: '28-day Faster Diagnosis Standard',
        period: 'May 2026',
        counted: '3',
        totals: '1',
      },
    ]);
    const scottish = importedView({
      ...report,
      layout: 'phs-62-day',
      byStandardAndPeriod: [byPart('scotland-62', '2024-07', 1200, 45)],
    });
    expect(scottish.rows).toEqual(
      expect.arrayContaining([{ key: 'Layout', value: 'Public Health Scotland 62-day' }]),
    );
    expect(scottish.counts).toEqual([
      { standard: 'scotland-62', period: 'Quarter from July 2024', counted: '1,200', totals: '45' },
    ]);
    // A kept import from before the counts were recorded has none to show.
    expect(importedView(report).counts).toEqual([]);
  });
});

import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { WaitingTimeStandard } from '#contracts';
import { RETIRED_NOTE, type CwtRow } from '../import/cwt-layout.js';
import { RowStager, stager, type StagedRow } from './cwt-staging.js';
import { isRejected, newReport, settleProblems } from './import-report.js';

const fds = (orgCode: string): CwtRow => ({
  period: '2023-03',
  standard: 'fds-28',
  orgCode,
  basis: 'provider',
  cancerType: 'Suspected lung cancer',
  route: 'URGENT SUSPECTED CANCER',
  modality: '',
  total: 10,
  within: 8,
  breaches: 2,
});

/** Stages `results` as an all-or-nothing file's rows; the report and the COPY text. */
async function stage(results: StagedRow['result'][]) {
  const report = newReport({
    source: 'csv',
    fileName: 'older.csv',
    mode: 'all-or-nothing',
    submittedBy: 'analyst',
  });
  const rows = new RowStager(report, 100);
  const standards: Set<WaitingTimeStandard> = rows.standards;
  let copy = '';
  await pipeline([
    Readable.from(results.map((result, index): StagedRow => ({ line: index + 2, result }))),
    stager(rows),
    new Writable({
      write(text: Buffer, _encoding, done) {
        copy += text.toString();
        done();
      },
    }),
  ]);
  return { report, standards, copy };
}

describe('staging an older extract', () => {
  it('skips two-week-wait rows with a count per retired standard and one note, never a problem', async () => {
    const { report, standards, copy } = await stage([
      { retired: '2WW' },
      fds('RGT'),
      { retired: '2WW Breast Symptomatic' },
      { retired: '2WW' },
      fds('RGN'),
    ]);
    settleProblems(report);
    expect(report).toMatchObject({
      rowsRead: 5,
      rowsRejected: 0,
      rowsSkipped: 3,
      skipped: [
        { standard: '2WW', rows: 2 },
        { standard: '2WW Breast Symptomatic', rows: 1 },
      ],
      notes: [RETIRED_NOTE],
      problems: [],
    });
    expect(RETIRED_NOTE).toBe(
      'The two-week-wait standards were retired in October 2023 and their rows are not counted.',
    );
    expect(isRejected(report)).toBe(false);
    // Only the FDS rows go to the staging table.
    expect(
      copy
        .trim()
        .split('\n')
        .map((line) => line.split('\t').slice(0, 4)),
    ).toEqual([
      ['3', '2023-03-01', 'fds-28', 'RGT'],
      ['6', '2023-03-01', 'fds-28', 'RGN'],
    ]);
    expect([...standards]).toEqual(['fds-28']);
  });

  it('has no note when nothing was skipped, and refuses a file of retired rows only as having no rows', async () => {
    const plain = await stage([fds('RGT')]);
    expect(plain.report).toMatchObject({ rowsSkipped: 0, skipped: [], notes: [] });

    const { report, copy } = await stage([{ retired: '2WW' }, { retired: '2WW' }]);
    settleProblems(report);
    expect(copy).toBe('');
    expect(report.problems).toEqual([
      { line: 2, problem: 'no rows to import: every row is of a retired standard' },
    ]);
    expect(report.notes).toEqual([RETIRED_NOTE]);
    expect(isRejected(report)).toBe(true);
  });
});

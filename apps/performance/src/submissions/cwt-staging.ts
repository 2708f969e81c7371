/**
 * The staging table an import's rows are copied into (COPY of text made in batches before the
 * transaction opens) and checked in, and the statements that write it over the submissions.
 * Every statement here runs once per import, never once per row.
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Writable } from 'node:stream';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { WaitingTimeStandard } from '#contracts';
import { isAllValue, type RowResult } from '../import/cwt-layout.js';
import { memo } from '../import/memo.js';
import { cancerTypeKey } from '../reference/cancer-type.entity.js';
import { FileProblem } from './file-problem.js';
import { PROBLEMS_KEPT, skipRetired, type ImportReport } from './import-report.js';

/** A row as read, with its line: counted from 1 at the header of a file, or the row's place in an API call. */
export interface StagedRow {
  line: number;
  result: RowResult;
}

const UNMAPPED_KEPT = 100;
const PROGRESS_EVERY = 10_000;
const COPY_BATCH = 500;
const STAGING_COLUMNS =
  'line, period, standard, org_code, basis, cancer_type, cancer_type_key, route, modality, total, within, breaches, all_cancer_type, all_route, all_modality, aggregate';
const ROW_KEY = 'period, standard, org_code, basis, cancer_type_key, route, modality';

const copyText = (value: string) =>
  value.replace(
    /[\\\t\n\r]/g,
    (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!,
  );

/**
 * The staging table, dropped when the import's transaction ends. `all_*` say which of a row's
 * names are `ALL ...` values; `aggregate`, whether the row is a total, is staged true for a row
 * derived in its file (PHS's) and decided for the rest over the whole table once it is filled
 * (markTotals in cwt-totals.ts).
 */
export async function createStagingTable(client: PoolClient): Promise<void> {
  // The checks group a national file's rows by their keys: at the default 4 MB those hashes
  // spill to disk (the sibling rule took 3.6 s of a year's import, 2.1 s at 64 MB). Only this
  // transaction's.
  await client.query(`SET LOCAL work_mem = '64MB'`);
  await client.query(
    `CREATE TEMP TABLE cwt_staging (line int, period date, standard text, org_code text, basis text,
       cancer_type text, cancer_type_key text, route text, modality text,
       total numeric, within numeric, breaches numeric,
       all_cancer_type boolean, all_route boolean, all_modality boolean,
       aggregate boolean NOT NULL) ON COMMIT DROP`,
  );
}

/** Where the stager's COPY text goes. */
export function copyIntoStaging(client: PoolClient): Writable {
  return client.query(copyFrom(`COPY cwt_staging (${STAGING_COLUMNS}) FROM STDIN`));
}

/**
 * A file of its own for the COPY text an import stages before its transaction opens: on disk,
 * not in memory, so the import's memory stays flat however large the file.
 */
export async function spoolFile(): Promise<{ path: string; remove: () => Promise<void> }> {
  const directory = await mkdtemp(join(tmpdir(), 'cwt-import-'));
  return {
    path: join(directory, 'staged.copy'),
    remove: () => rm(directory, { recursive: true, force: true }),
  };
}

/**
 * Stages rows one at a time: the good ones as COPY text, the bad ones tallied as problems, rows
 * of a retired standard counted as skipped; a row past `maxRows` stops the import. The text of
 * a name (escaped, its key, whether it is an `ALL ...` value) is made once per distinct name.
 */
export class RowStager {
  readonly periods = new Set<string>();
  readonly standards = new Set<WaitingTimeStandard>();
  /** The providers staged (a few hundred in a national file): no scan of the table to list them. */
  readonly orgCodes = new Set<string>();
  /** Which of the three names are `ALL ...` values, as staged: markTotals looks at these kinds only. */
  readonly kinds = new Set<string>();
  private readonly typeText = memo((name) => {
    const flag = isAllValue(name) ? 't' : 'f';
    return { text: `${copyText(name)}\t${copyText(cancerTypeKey(name))}`, flag };
  });
  private readonly nameText = memo((name) => ({
    text: copyText(name),
    flag: isAllValue(name) ? 't' : 'f',
  }));
  private readonly periodText = memo((period) => `${period}-01`);

  constructor(
    private readonly report: ImportReport,
    private readonly maxRows: number,
    private readonly onProgress?: (rowsRead: number) => void,
  ) {}

  /** The row's line of COPY text (ending in a newline), or '' when it is not staged. */
  add(line: number, result: RowResult): string {
    const report = this.report;
    if (report.rowsRead === this.maxRows) {
      throw new FileProblem(line, `the file has more than ${this.maxRows} rows`, 'rows');
    }
    report.rowsRead += 1;
    if (report.rowsRead % PROGRESS_EVERY === 0) {
      this.onProgress?.(report.rowsRead);
    }
    if ('retired' in result) {
      skipRetired(report, result.retired);
      return '';
    }
    if ('problem' in result) {
      report.rowsRejected += 1;
      if (report.problems.length < PROBLEMS_KEPT) {
        report.problems.push({ line, problem: result.problem });
      }
      return '';
    }
    this.periods.add(result.period);
    this.standards.add(result.standard);
    this.orgCodes.add(result.orgCode);
    const type = this.typeText(result.cancerType);
    const route = this.nameText(result.route);
    const modality = this.nameText(result.modality);
    this.kinds.add(`${type.flag}${route.flag}${modality.flag}`);
    return `${line}\t${this.periodText(result.period)}\t${result.standard}\t${result.orgCode}\t${result.basis}\t${type.text}\t${route.text}\t${modality.text}\t${result.total}\t${result.within}\t${result.breaches}\t${type.flag}\t${route.flag}\t${modality.flag}\t${result.derived ? 't' : 'f'}\n`;
  }
}

/** RowStager as a stream of StagedRows in, COPY text in batches out (for rows given through the API). */
export function stager(rows: RowStager): Transform {
  let batch = '';
  let count = 0;
  return new Transform({
    writableObjectMode: true,
    transform({ line, result }: StagedRow, _encoding, done) {
      try {
        const text = rows.add(line, result);
        if (text === '') {
          done();
          return;
        }
        batch += text;
        count += 1;
        if (count === COPY_BATCH) {
          const full = batch;
          batch = '';
          count = 0;
          done(null, full);
          return;
        }
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done) {
      done(null, batch.length > 0 ? batch : undefined);
    },
  });
}

/** The same row twice in one submission: the later ones are problems, and leave the staging table. */
export async function removeDuplicates(client: PoolClient, report: ImportReport): Promise<void> {
  const any = await client.query(
    `SELECT 1 FROM cwt_staging GROUP BY ${ROW_KEY} HAVING count(*) > 1 LIMIT 1`,
  );
  if (any.rows.length === 0) {
    return;
  }
  const duplicates = await client.query<{ line: number; first: number }>(
    `SELECT line, first FROM (
       SELECT line, min(line) OVER (PARTITION BY ${ROW_KEY}) AS first FROM cwt_staging
     ) d WHERE line <> first ORDER BY line LIMIT ${PROBLEMS_KEPT}`,
  );
  if (duplicates.rows.length === 0) {
    return;
  }
  const removed = await client.query(
    `DELETE FROM cwt_staging d USING cwt_staging o
      WHERE (d.${ROW_KEY.split(', ').join(', d.')}) = (o.${ROW_KEY.split(', ').join(', o.')}) AND o.line < d.line`,
  );
  report.rowsRejected += removed.rowCount ?? 0;
  report.problems.push(
    ...duplicates.rows.map(({ line, first }) => ({
      line,
      problem: `the same month, standard, provider, basis, cancer type, route and modality as line ${first}`,
    })),
  );
}

/** Replaces the staged providers' months and standards in `schema`'s submissions with the staged rows. */
export async function replaceFromStaging(
  client: PoolClient,
  schema: string,
  report: ImportReport,
): Promise<void> {
  // Imports touching the same providers and months go one at a time.
  await client.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`${schema}.submissions`]);
  const replaced = await client.query(
    `DELETE FROM "${schema}".submission t
      USING (SELECT DISTINCT period, standard, org_code, basis FROM cwt_staging) k
      WHERE (t.period, t.standard, t.org_code, t.basis) = (k.period, k.standard, k.org_code, k.basis)`,
  );
  report.rowsReplaced = replaced.rowCount ?? 0;
  await client.query(
    `INSERT INTO "${schema}".submission (period, standard, org_code, basis, cancer_type, cancer_type_key, route, modality, total, within, breaches, aggregate, import_id, data_status)
     SELECT period, standard, org_code, basis, cancer_type, cancer_type_key, route, modality, total, within, breaches, aggregate, $1, $2
       FROM cwt_staging`,
    // The rows carry the figures' status as submitted (provisional unless it said final).
    [report.importId, report.dataStatus],
  );
  report.rowsImported = report.rowsRead - report.rowsRejected - report.rowsSkipped;
  if (report.rowsImported >= 10_000) {
    // Detection's aggregate plans badly on statistics that predate a national file.
    await client.query(`ANALYZE "${schema}".submission`);
  }
  // The totals counted per standard and month already (countParts), the rows staged all written.
  report.aggregateRows = report.byStandardAndPeriod.reduce((sum, part) => sum + part.rowsTotals, 0);
}

/** Staged providers (`orgCodes`) with no alliance, and staged cancer types (totals aside) with no mapping. */
export async function unmappedInStaging(
  client: PoolClient,
  schema: string,
  orgCodes: readonly string[],
): Promise<{ providers: string[]; cancerTypes: string[] }> {
  const providers = await client.query<{ code: string }>(
    `SELECT st.code FROM unnest($1::text[]) st (code)
       LEFT JOIN "${schema}".provider p ON p.ods_code = st.code
      WHERE p.alliance_id IS NULL ORDER BY 1 LIMIT ${UNMAPPED_KEPT}`,
    [orgCodes],
  );
  const cancerTypes = await client.query<{ label: string }>(
    `SELECT min(st.cancer_type) AS label FROM cwt_staging st
       LEFT JOIN "${schema}".cancer_type ct ON ct.key = st.cancer_type_key
      WHERE ct.key IS NULL AND NOT st.aggregate
      GROUP BY st.cancer_type_key ORDER BY 1 LIMIT ${UNMAPPED_KEPT}`,
  );
  return {
    providers: providers.rows.map((row) => row.code),
    cancerTypes: cancerTypes.rows.map((row) => row.label),
  };
}

/** The alliances the staged providers (`orgCodes`) count towards: where detection has to look again. */
export async function stagedAlliances(
  client: PoolClient,
  schema: string,
  orgCodes: readonly string[],
): Promise<string[]> {
  const alliances = await client.query<{ id: string }>(
    `SELECT DISTINCT p.alliance_id AS id FROM "${schema}".provider p
      WHERE p.ods_code = ANY($1::text[]) AND p.alliance_id IS NOT NULL`,
    [orgCodes],
  );
  return alliances.rows.map((row) => row.id);
}

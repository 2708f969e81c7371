import { randomUUID } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import { CsvError, parse } from 'csv-parse';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource, type QueryRunner } from 'typeorm';
import type { WaitingTimeStandard } from '#contracts';
import { schemaOf } from '#platform';
import { DetectionService, type DetectionResult } from '../detection/detection.service.js';
import {
  readHeader,
  readRow,
  type CwtHeader,
  type CwtLayout,
  type CwtRow,
} from '../import/cwt-layout.js';
import { cancerTypeKey } from '../reference/cancer-type.entity.js';
import type { RowProblem } from '../common/unprocessable-rows.error.js';
import { ImportRun, type ImportMode } from './import-run.entity.js';
import { PerformancePublisher } from '../performance.publisher.js';

/** A row as read, with its line: counted from 1 at the header of a file, or the row's place in an API call. */
export interface StagedRow {
  line: number;
  result: CwtRow | { problem: string };
}

export interface ImportOptions {
  source: 'csv' | 'api';
  fileName: string | null;
  mode: ImportMode;
  /** The month of every row, for a file with no period column. */
  period?: string;
  submittedBy: string;
  /** Called every PROGRESS_EVERY rows read, and at the end. */
  onProgress?: (rowsRead: number) => void;
}

export interface ImportReport {
  importId: string;
  status: 'imported' | 'rejected';
  source: 'csv' | 'api';
  layout: CwtLayout | null;
  fileName: string | null;
  mode: ImportMode;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  aggregateRows: number;
  rowsReplaced: number;
  periods: string[];
  standards: WaitingTimeStandard[];
  problems: RowProblem[];
  unmappedProviders: string[];
  unmappedCancerTypes: string[];
  submittedBy: string;
  /** What detection announced; null when nothing was imported. */
  detection: DetectionResult | null;
}

const PROBLEMS_KEPT = 1000;
const UNMAPPED_KEPT = 100;
const PROGRESS_EVERY = 10_000;
const COPY_BATCH = 500;
const STAGING_COLUMNS =
  'line, period, standard, org_code, basis, cancer_type, cancer_type_key, route, modality, total, within, breaches, aggregate';
const ROW_KEY = 'period, standard, org_code, basis, cancer_type_key, route, modality';

/** A problem with the file as a whole (its header, its CSV syntax): nothing in it can be read. */
class FileProblem extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const copyText = (value: string) =>
  value.replace(
    /[\\\t\n\r]/g,
    (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!,
  );

/**
 * Imports CWT submissions in one transaction: rows stream through the CSV parser and the
 * layout reader into a temporary table by COPY (so a national year needs little memory), are
 * checked for duplicates there, then replace the same providers' months and standards. By
 * default any bad row rejects the whole file; in `good-rows` mode the good rows go in and the
 * bad ones are reported. Detection runs in the same transaction, so the data and what it
 * announces commit together.
 */
@Injectable()
export class SubmissionImportService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(DetectionService) private readonly detection: DetectionService,
    @Inject(PerformancePublisher) private readonly events: PerformancePublisher,
  ) {}

  /** Imports a CSV file in either published layout. */
  async importCsv(input: Readable, options: ImportOptions): Promise<ImportReport> {
    const parser = parse({
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    });
    const file: { layout: CwtLayout | null; header?: CwtHeader } = { layout: null };
    const reader = new Transform({
      objectMode: true,
      transform(chunk: { record: string[]; info: { lines: number } }, _encoding, done) {
        if (file.header) {
          done(null, { line: chunk.info.lines, result: readRow(file.header, chunk.record) });
          return;
        }
        try {
          file.header = readHeader(chunk.record, options.period);
          file.layout = file.header.layout;
          done();
        } catch (error) {
          done(new FileProblem(chunk.info.lines, (error as Error).message));
        }
      },
      flush(done) {
        done(file.header ? null : new FileProblem(1, 'the file is empty: no header row'));
      },
    });
    return this.run([input, parser, reader], options, () => file.layout);
  }

  /** Imports rows given through the API, checked as a file's rows are. */
  async importRows(rows: readonly CwtRow[], options: ImportOptions): Promise<ImportReport> {
    const staged = rows.map((result, index): StagedRow => ({ line: index + 1, result }));
    return this.run([Readable.from(staged)], options, () => null);
  }

  private async run(
    source: readonly (Readable | Transform)[],
    options: ImportOptions,
    layout: () => CwtLayout | null,
  ): Promise<ImportReport> {
    const report: ImportReport = {
      importId: randomUUID(),
      status: 'rejected',
      source: options.source,
      layout: null,
      fileName: options.fileName,
      mode: options.mode,
      rowsRead: 0,
      rowsImported: 0,
      rowsRejected: 0,
      aggregateRows: 0,
      rowsReplaced: 0,
      periods: [],
      standards: [],
      problems: [],
      unmappedProviders: [],
      unmappedCancerTypes: [],
      submittedBy: options.submittedBy,
      detection: null,
    };
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    try {
      await runner.startTransaction();
      await client.query(
        `CREATE TEMP TABLE cwt_staging (line int, period date, standard text, org_code text, basis text,
           cancer_type text, cancer_type_key text, route text, modality text,
           total numeric, within numeric, breaches numeric, aggregate boolean) ON COMMIT DROP`,
      );
      const periods = new Set<string>();
      const standards = new Set<WaitingTimeStandard>();
      try {
        await pipeline([
          ...source,
          stager(report, periods, standards, options.onProgress),
          client.query(copyFrom(`COPY cwt_staging (${STAGING_COLUMNS}) FROM STDIN`)),
        ]);
      } catch (caught) {
        const error =
          caught instanceof CsvError
            ? new FileProblem(Number(caught.lines ?? 0), `not readable as CSV: ${caught.message}`)
            : caught;
        if (!(error instanceof FileProblem)) {
          throw error;
        }
        report.layout = layout();
        report.problems = [{ line: error.line, problem: error.message }];
        report.rowsRejected = report.rowsRead;
        return await this.reject(runner, report);
      }
      options.onProgress?.(report.rowsRead);
      report.layout = layout();
      report.periods = [...periods].sort();
      report.standards = [...standards].sort();
      await this.findDuplicates(client, report);
      report.problems.sort((a, b) => a.line - b.line);
      report.problems = report.problems.slice(0, PROBLEMS_KEPT);
      if (report.rowsRead === 0) {
        report.problems = [{ line: 2, problem: 'no rows to import' }];
      }
      if (
        (report.rowsRejected > 0 && options.mode === 'all-or-nothing') ||
        report.rowsRead === report.rowsRejected
      ) {
        return await this.reject(runner, report);
      }
      await this.write(runner, client, report);
      await runner.commitTransaction();
      return report;
    } catch (error) {
      if (runner.isTransactionActive) {
        await runner.rollbackTransaction();
      }
      throw error;
    } finally {
      await runner.release();
    }
  }

  /** The same row twice in one submission: the later ones are problems, and leave the staging table. */
  private async findDuplicates(client: PoolClient, report: ImportReport): Promise<void> {
    // A temporary table has no statistics until analysed; the queries below need them.
    await client.query('ANALYZE cwt_staging');
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

  /** Replaces the providers' months and standards with the staged rows, then detects and announces. */
  private async write(
    runner: QueryRunner,
    client: PoolClient,
    report: ImportReport,
  ): Promise<void> {
    const s = schemaOf(this.dataSource);
    // Imports touching the same providers and months go one at a time.
    await client.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`${s}.submissions`]);
    const replaced = await client.query(
      `DELETE FROM "${s}".submission t
        USING (SELECT DISTINCT period, standard, org_code, basis FROM cwt_staging) k
        WHERE (t.period, t.standard, t.org_code, t.basis) = (k.period, k.standard, k.org_code, k.basis)`,
    );
    report.rowsReplaced = replaced.rowCount ?? 0;
    const inserted = await client.query<{ aggregates: string }>(
      `WITH written AS (
         INSERT INTO "${s}".submission (period, standard, org_code, basis, cancer_type, cancer_type_key, route, modality, total, within, breaches, aggregate, import_id)
         SELECT period, standard, org_code, basis, cancer_type, cancer_type_key, route, modality, total, within, breaches, aggregate, $1
           FROM cwt_staging
         RETURNING aggregate
       ) SELECT count(*) FILTER (WHERE aggregate) AS aggregates FROM written`,
      [report.importId],
    );
    report.rowsImported = report.rowsRead - report.rowsRejected;
    if (report.rowsImported >= 10_000) {
      // Detection's aggregate plans badly on statistics that predate a national file.
      await client.query(`ANALYZE "${s}".submission`);
    }
    report.aggregateRows = Number(inserted.rows[0]?.aggregates ?? 0);
    const unmappedProviders = await client.query<{ code: string }>(
      `SELECT DISTINCT st.org_code AS code FROM cwt_staging st
         LEFT JOIN "${s}".provider p ON p.ods_code = st.org_code
        WHERE p.alliance_id IS NULL ORDER BY 1 LIMIT ${UNMAPPED_KEPT}`,
    );
    report.unmappedProviders = unmappedProviders.rows.map((row) => row.code);
    const unmappedTypes = await client.query<{ label: string }>(
      `SELECT min(st.cancer_type) AS label FROM cwt_staging st
         LEFT JOIN "${s}".cancer_type ct ON ct.key = st.cancer_type_key
        WHERE ct.key IS NULL AND NOT st.aggregate
        GROUP BY st.cancer_type_key ORDER BY 1 LIMIT ${UNMAPPED_KEPT}`,
    );
    report.unmappedCancerTypes = unmappedTypes.rows.map((row) => row.label);
    const alliances = await client.query<{ id: string }>(
      `SELECT DISTINCT p.alliance_id AS id FROM (SELECT DISTINCT org_code FROM cwt_staging) st
         JOIN "${s}".provider p ON p.ods_code = st.org_code WHERE p.alliance_id IS NOT NULL`,
    );
    report.status = 'imported';
    await runner.manager.insert(ImportRun, this.importRun(report));
    await this.events.publish(runner.manager, 'performance.submission-received.v1', {
      importId: report.importId,
      source: report.source,
      layout: report.layout,
      fileName: report.fileName,
      periods: report.periods,
      standards: report.standards,
      rowsRead: report.rowsRead,
      rowsImported: report.rowsImported,
      rowsRejected: report.rowsRejected,
      aggregateRows: report.aggregateRows,
      rowsReplaced: report.rowsReplaced,
      submittedBy: report.submittedBy,
    });
    report.detection = await this.detection.detect(runner.manager, {
      standards: report.standards,
      allianceIds: alliances.rows.map((row) => row.id),
    });
  }

  /** Nothing is written, but the attempt and its problems are kept. */
  private async reject(runner: QueryRunner, report: ImportReport): Promise<ImportReport> {
    await runner.rollbackTransaction();
    report.status = 'rejected';
    report.rowsImported = 0;
    await runner.manager.insert(ImportRun, this.importRun(report));
    return report;
  }

  private importRun(report: ImportReport): Partial<ImportRun> {
    const { detection: _detection, importId, ...rest } = report;
    return { ...rest, id: importId };
  }
}

/** The good rows as COPY text in batches; the bad ones tallied as problems. Synchronous per row. */
function stager(
  report: ImportReport,
  periods: Set<string>,
  standards: Set<WaitingTimeStandard>,
  onProgress?: (rowsRead: number) => void,
): Transform {
  let batch: string[] = [];
  return new Transform({
    writableObjectMode: true,
    transform({ line, result }: StagedRow, _encoding, done) {
      report.rowsRead += 1;
      if (report.rowsRead % PROGRESS_EVERY === 0) {
        onProgress?.(report.rowsRead);
      }
      if ('problem' in result) {
        report.rowsRejected += 1;
        if (report.problems.length < PROBLEMS_KEPT) {
          report.problems.push({ line, problem: result.problem });
        }
        done();
        return;
      }
      periods.add(result.period);
      standards.add(result.standard);
      batch.push(
        [
          String(line),
          `${result.period}-01`,
          result.standard,
          result.orgCode,
          result.basis,
          copyText(result.cancerType),
          copyText(cancerTypeKey(result.cancerType)),
          copyText(result.route),
          copyText(result.modality),
          String(result.total),
          String(result.within),
          String(result.breaches),
          result.aggregate ? 't' : 'f',
        ].join('\t'),
      );
      if (batch.length === COPY_BATCH) {
        const text = `${batch.join('\n')}\n`;
        batch = [];
        done(null, text);
        return;
      }
      done();
    },
    flush(done) {
      done(null, batch.length > 0 ? `${batch.join('\n')}\n` : undefined);
    },
  });
}

import { createReadStream, createWriteStream } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { DataSource, type QueryRunner } from 'typeorm';
import { APP_CONFIG, currentContext, schemaOf } from '#platform';
import type { PerformanceConfig } from '../config.js';
import { DetectionService } from '../detection/detection.service.js';
import type { CwtLayout, CwtRow } from '../import/cwt-layout.js';
import { PerformancePublisher } from '../performance.publisher.js';
import { linkStagedBoards } from '../reference/health-board-links.js';
import { cwtCsvStager } from './cwt-csv.js';
import {
  copyIntoStaging,
  createStagingTable,
  removeDuplicates,
  replaceFromStaging,
  RowStager,
  spoolFile,
  stagedAlliances,
  stager,
  unmappedInStaging,
  type StagedRow,
} from './cwt-staging.js';
import { countParts, markTotals, uncountedProblems } from './cwt-totals.js';
import { FileProblem } from './file-problem.js';
import { importLimitsOf, readUpload, type ImportLimits } from './import-limits.js';
import {
  failed,
  importRunOf,
  isRejected,
  newReport,
  settleProblems,
  type ImportOptions,
  type ImportReport,
} from './import-report.js';
import { ImportRun } from './import-run.entity.js';

/** Reads an import's rows, staged by the given stager, into the given sink (the COPY), to its end. */
type Read = (rows: RowStager, sink: Writable) => Promise<void>;

/** Times one phase of an import, for `options.onPhase`. */
type Phase = <T>(name: string, work: () => Promise<T>) => Promise<T>;

/**
 * Imports CWT submissions in two steps. First the upload is received whole into a file on disk,
 * within the caps on its bytes, columns and time to arrive: no transaction is open while a
 * client sends, however slowly, and memory stays flat however large the file. Then one
 * transaction reads that file (the CSV records, the layout reader, the row cap) into COPY text
 * going straight into a temporary table, Node reading as PostgreSQL copies; checks it for
 * duplicates there, decides which rows are totals by their siblings (cwt-totals.ts), and
 * replaces the same providers' months and standards. By default any bad row rejects the whole
 * file; in `good-rows` mode the good rows go in and the bad ones are reported. Detection runs in
 * the same transaction, so the data and what it announces commit together. Every attempt, however
 * it ends, is kept in import_run, outside the transaction.
 */
@Injectable()
export class SubmissionImportService {
  private readonly logger = new Logger(SubmissionImportService.name);
  private readonly limits: ImportLimits;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(DetectionService) private readonly detection: DetectionService,
    @Inject(PerformancePublisher) private readonly events: PerformancePublisher,
    @Inject(APP_CONFIG) config: PerformanceConfig,
  ) {
    this.limits = importLimitsOf(config);
  }

  /** Imports a CSV file in either published layout. */
  async importCsv(input: Readable, options: ImportOptions): Promise<ImportReport> {
    const spool = await spoolFile();
    try {
      let layout: () => CwtLayout | null = () => null;
      return await this.run(options, () => layout(), {
        // The upload as it came, within the caps on its bytes, columns and time to arrive.
        receive: () => readUpload(input, [createWriteStream(spool.path)], this.limits),
        read: (rows, sink) => {
          const reader = cwtCsvStager(options.period, rows);
          layout = reader.layout;
          return pipeline([createReadStream(spool.path), reader.stream, sink]);
        },
      });
    } finally {
      await spool.remove();
    }
  }

  /** Imports rows given through the API, checked as a file's rows are. */
  async importRows(rows: readonly CwtRow[], options: ImportOptions): Promise<ImportReport> {
    const staged = rows.map((result, index): StagedRow => ({ line: index + 1, result }));
    return this.run(options, () => null, {
      read: (rows, sink) => pipeline([Readable.from(staged), stager(rows), sink]),
    });
  }

  private async run(
    options: ImportOptions,
    layout: () => CwtLayout | null,
    input: { receive?: () => Promise<void>; read: Read },
  ): Promise<ImportReport> {
    let report = newReport(options);
    const phase: Phase = async (name, work) => {
      const start = performance.now();
      try {
        return await work();
      } finally {
        options.onPhase?.(name, performance.now() - start);
      }
    };
    try {
      if (input.receive) {
        try {
          await phase('receive', input.receive);
        } catch (error) {
          return await this.keep(unreadable(report, error, layout));
        }
      }
      let imported: boolean;
      try {
        imported = await this.inTransaction(report, options, layout, input.read, phase, true);
      } catch (error) {
        if (!(error instanceof SearchForRepeats)) {
          throw error;
        }
        // The file repeats a row: read again, looking for every repeat to name them.
        report = { ...newReport(options), importId: report.importId };
        imported = await this.inTransaction(report, options, layout, input.read, phase, false);
      }
      return imported ? report : await this.keep(report);
    } catch (error) {
      await this.keepFailure(report, error);
      throw error;
    }
  }

  /**
   * Reads, stages, checks and writes the rows in one transaction; false when it was rolled back
   * as rejected. The file is read from its copy on disk as PostgreSQL takes the COPY text, the
   * two at once on two cores.
   *
   * Looking for repeated rows in the staging table cost a national year about 1.6 s, and a file
   * with no bad row almost never repeats one. So when `trustRowKey` and every row read well,
   * the submission's unique row key finds repeats as the rows are written: a repeat (or a
   * rejection, whose report must name any repeats) throws SearchForRepeats, and the import runs
   * again with the search.
   */
  private async inTransaction(
    report: ImportReport,
    options: ImportOptions,
    layout: () => CwtLayout | null,
    read: Read,
    phase: Phase,
    trustRowKey: boolean,
  ): Promise<boolean> {
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    try {
      await runner.startTransaction();
      const rows = new RowStager(report, this.limits.rows, options.onProgress);
      try {
        await phase('read and copy', async () => {
          await createStagingTable(client);
          await read(rows, copyIntoStaging(client));
        });
      } catch (error) {
        await runner.rollbackTransaction();
        unreadable(report, error, layout);
        return false;
      }
      options.onProgress?.(report.rowsRead);
      report.layout = layout();
      report.periods = [...rows.periods].sort();
      report.standards = [...rows.standards].sort();
      if (report.rowsRead - report.rowsSkipped === report.rowsRejected) {
        // Not one good row: no duplicates to look for, and nothing to write.
        settleProblems(report);
        await runner.rollbackTransaction();
        return false;
      }
      // A temporary table has no statistics until analysed; the checks below need them.
      await phase('analyze', () => client.query('ANALYZE cwt_staging'));
      const byRowKey = trustRowKey && report.rowsRejected === 0;
      if (!byRowKey) {
        await phase('duplicates', () => removeDuplicates(client, report));
      }
      await phase('totals', () => markTotals(client, rows.kinds));
      const parts = await phase('counts', () => countParts(client));
      report.byStandardAndPeriod = parts.map(({ line: _line, ...part }) => part);
      report.problems.push(...uncountedProblems(parts));
      settleProblems(report);
      if (isRejected(report)) {
        if (byRowKey) {
          throw new SearchForRepeats();
        }
        await runner.rollbackTransaction();
        return false;
      }
      await this.write(runner, client, report, [...rows.orgCodes], phase);
      await phase('commit', () => runner.commitTransaction());
      return true;
    } catch (error) {
      if (runner.isTransactionActive) {
        await runner.rollbackTransaction();
      }
      throw error;
    } finally {
      await runner.release();
    }
  }

  /** Replaces the providers' months and standards with the staged rows, then detects and announces. */
  private async write(
    runner: QueryRunner,
    client: PoolClient,
    report: ImportReport,
    orgCodes: readonly string[],
    phase: Phase,
  ): Promise<void> {
    const s = schemaOf(this.dataSource);
    await phase('replace', async () => {
      try {
        await replaceFromStaging(client, s, report);
      } catch (error) {
        const { code, constraint } = error as { code?: string; constraint?: string };
        throw code === '23505' && constraint === 'submission_row_key'
          ? new SearchForRepeats()
          : error;
      }
    });
    await phase('links', async () => {
      await linkStagedBoards((sql, parameters) => client.query(sql, parameters), s, orgCodes);
      const unmapped = await unmappedInStaging(client, s, orgCodes);
      report.unmappedProviders = unmapped.providers;
      report.unmappedCancerTypes = unmapped.cancerTypes;
    });
    const allianceIds = await stagedAlliances(client, s, orgCodes);
    report.status = 'imported';
    await runner.manager.insert(ImportRun, importRunOf(report));
    await this.events.publish(runner.manager, 'performance.submission-received.v1', {
      importId: report.importId,
      source: report.source,
      // v1 names England's two layouts only; a PHS file's is null there (and in GET /imports).
      layout:
        report.layout === 'provider-extract' || report.layout === 'monthly-csv'
          ? report.layout
          : null,
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
    report.detection = await phase('detection', () =>
      this.detection.detect(runner.manager, {
        standards: report.standards,
        allianceIds,
        revision: {
          importId: report.importId,
          periods: report.periods,
          dataStatus: report.dataStatus,
        },
      }),
    );
  }

  /** Nothing was written, but the attempt and its problems are kept. */
  private async keep(report: ImportReport): Promise<ImportReport> {
    report.status = 'rejected';
    report.rowsImported = 0;
    await this.dataSource.manager.insert(ImportRun, importRunOf(report));
    return report;
  }

  /** An import that failed on an unforeseen error is kept too, as failed; the error goes on. */
  private async keepFailure(report: ImportReport, error: unknown): Promise<void> {
    try {
      const kept = failed(report, currentContext()?.correlationId);
      await this.dataSource.manager.insert(ImportRun, importRunOf(kept));
    } catch (keeping) {
      this.logger.error(
        `Import ${report.importId} failed (${String(error)}) and could not be kept: ${String(keeping)}`,
      );
    }
  }
}

/** The report of a file that cannot be read or passed a cap; any other error goes on. */
function unreadable(
  report: ImportReport,
  error: unknown,
  layout: () => CwtLayout | null,
): ImportReport {
  if (!(error instanceof FileProblem)) {
    throw error;
  }
  report.layout = layout();
  report.problems = [{ line: error.line, problem: error.message }];
  report.rowsRejected = report.rowsRead;
  report.limit = error.limit;
  return report;
}

/** The import must run again searching for repeated rows: the row key refused one, or the file is rejected (see inTransaction). */
class SearchForRepeats extends Error {}

import { Readable, type Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { DataSource, type QueryRunner } from 'typeorm';
import type { WaitingTimeStandard } from '#contracts';
import { APP_CONFIG, currentContext, schemaOf } from '#platform';
import type { PerformanceConfig } from '../config.js';
import { DetectionService } from '../detection/detection.service.js';
import type { CwtLayout, CwtRow } from '../import/cwt-layout.js';
import { PerformancePublisher } from '../performance.publisher.js';
import { linkStagedBoards } from '../reference/health-board-links.js';
import { asFileProblem, cwtCsvReader } from './cwt-csv.js';
import {
  collect,
  copyIntoStaging,
  createStagingTable,
  removeDuplicates,
  replaceFromStaging,
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

/** Reads an import's rows through the given stager and sink, to its end. */
type Read = (stages: readonly (Transform | Writable)[]) => Promise<void>;

/**
 * Imports CWT submissions in two steps. First the upload is read whole, within the caps on its
 * bytes, rows, columns and time, through the CSV parser and the layout reader into COPY text
 * held in memory: no transaction is open while a client sends, however slowly. Then one
 * transaction copies that text into a temporary table, checks it for duplicates there, decides
 * which rows are totals by their siblings (cwt-totals.ts), and replaces the same providers'
 * months and standards. By default any bad row rejects the whole
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
    const reader = cwtCsvReader(options.period);
    return this.run(options, reader.layout, (stages) =>
      readUpload(input, [...reader.streams, ...stages], this.limits),
    );
  }

  /** Imports rows given through the API, checked as a file's rows are. */
  async importRows(rows: readonly CwtRow[], options: ImportOptions): Promise<ImportReport> {
    const staged = rows.map((result, index): StagedRow => ({ line: index + 1, result }));
    return this.run(
      options,
      () => null,
      (stages) => pipeline([Readable.from(staged), ...stages]),
    );
  }

  private async run(
    options: ImportOptions,
    layout: () => CwtLayout | null,
    read: Read,
  ): Promise<ImportReport> {
    const report = newReport(options);
    try {
      const copy = await this.read(report, options, layout, read);
      if (copy === null) {
        return await this.keep(report);
      }
      if (copy.length === 0) {
        // Not one good row: no duplicates to look for, and nothing to write.
        settleProblems(report);
        return await this.keep(report);
      }
      return (await this.inTransaction(report, copy)) ? report : await this.keep(report);
    } catch (error) {
      await this.keepFailure(report, error);
      throw error;
    }
  }

  /**
   * Reads every row, outside any transaction, into COPY text; a file that cannot be read, or
   * that passes a cap, has its problem in the report, and null instead.
   */
  private async read(
    report: ImportReport,
    options: ImportOptions,
    layout: () => CwtLayout | null,
    read: Read,
  ): Promise<Buffer[] | null> {
    const periods = new Set<string>();
    const standards = new Set<WaitingTimeStandard>();
    const copy: Buffer[] = [];
    try {
      await read([
        stager(report, periods, standards, this.limits.rows, options.onProgress),
        collect(copy),
      ]);
    } catch (caught) {
      const error = asFileProblem(caught);
      if (!(error instanceof FileProblem)) {
        throw error;
      }
      report.layout = layout();
      report.problems = [{ line: error.line, problem: error.message }];
      report.rowsRejected = report.rowsRead;
      report.limit = error.limit;
      return null;
    }
    options.onProgress?.(report.rowsRead);
    report.layout = layout();
    report.periods = [...periods].sort();
    report.standards = [...standards].sort();
    return copy;
  }

  /** Stages, checks and writes the rows in one transaction; false when it was rolled back as rejected. */
  private async inTransaction(report: ImportReport, copy: readonly Buffer[]): Promise<boolean> {
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    try {
      await runner.startTransaction();
      await createStagingTable(client);
      await pipeline(Readable.from(copy), copyIntoStaging(client));
      await removeDuplicates(client, report);
      await markTotals(client);
      const parts = await countParts(client);
      report.byStandardAndPeriod = parts.map(({ line: _line, ...part }) => part);
      report.problems.push(...uncountedProblems(parts));
      settleProblems(report);
      if (isRejected(report)) {
        await runner.rollbackTransaction();
        return false;
      }
      await this.write(runner, client, report);
      await runner.commitTransaction();
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
  ): Promise<void> {
    const s = schemaOf(this.dataSource);
    await replaceFromStaging(client, s, report);
    // The rows just written carry the figures' status (provisional unless the submission said final).
    await client.query(`UPDATE "${s}".submission SET data_status = $1 WHERE import_id = $2`, [
      report.dataStatus,
      report.importId,
    ]);
    await linkStagedBoards((sql, parameters) => client.query(sql, parameters), s);
    const unmapped = await unmappedInStaging(client, s);
    report.unmappedProviders = unmapped.providers;
    report.unmappedCancerTypes = unmapped.cancerTypes;
    const allianceIds = await stagedAlliances(client, s);
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
    report.detection = await this.detection.detect(runner.manager, {
      standards: report.standards,
      allianceIds,
      revision: {
        importId: report.importId,
        periods: report.periods,
        dataStatus: report.dataStatus,
      },
    });
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

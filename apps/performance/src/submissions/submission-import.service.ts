import { Readable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { DataSource, type QueryRunner } from 'typeorm';
import type { WaitingTimeStandard } from '#contracts';
import { schemaOf } from '#platform';
import { DetectionService } from '../detection/detection.service.js';
import type { CwtLayout, CwtRow } from '../import/cwt-layout.js';
import { PerformancePublisher } from '../performance.publisher.js';
import { asFileProblem, cwtCsvReader, FileProblem } from './cwt-csv.js';
import {
  copyIntoStaging,
  createStagingTable,
  removeDuplicates,
  replaceFromStaging,
  stagedAlliances,
  stager,
  unmappedInStaging,
  type StagedRow,
} from './cwt-staging.js';
import {
  importRunOf,
  isRejected,
  newReport,
  settleProblems,
  type ImportOptions,
  type ImportReport,
} from './import-report.js';
import { ImportRun } from './import-run.entity.js';

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
    const reader = cwtCsvReader(options.period);
    return this.run([input, ...reader.streams], options, reader.layout);
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
    const report = newReport(options);
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    try {
      await runner.startTransaction();
      await createStagingTable(client);
      const periods = new Set<string>();
      const standards = new Set<WaitingTimeStandard>();
      try {
        await pipeline([
          ...source,
          stager(report, periods, standards, options.onProgress),
          copyIntoStaging(client),
        ]);
      } catch (caught) {
        const error = asFileProblem(caught);
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
      await removeDuplicates(client, report);
      settleProblems(report);
      if (isRejected(report)) {
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

  /** Replaces the providers' months and standards with the staged rows, then detects and announces. */
  private async write(
    runner: QueryRunner,
    client: PoolClient,
    report: ImportReport,
  ): Promise<void> {
    const s = schemaOf(this.dataSource);
    await replaceFromStaging(client, s, report);
    const unmapped = await unmappedInStaging(client, s);
    report.unmappedProviders = unmapped.providers;
    report.unmappedCancerTypes = unmapped.cancerTypes;
    const allianceIds = await stagedAlliances(client, s);
    report.status = 'imported';
    await runner.manager.insert(ImportRun, importRunOf(report));
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
      allianceIds,
    });
  }

  /** Nothing is written, but the attempt and its problems are kept. */
  private async reject(runner: QueryRunner, report: ImportReport): Promise<ImportReport> {
    await runner.rollbackTransaction();
    report.status = 'rejected';
    report.rowsImported = 0;
    await runner.manager.insert(ImportRun, importRunOf(report));
    return report;
  }
}

import type { IncomingMessage } from 'node:http';
import {
  Body,
  Controller,
  Get,
  Inject,
  Param,
  PayloadTooLargeException,
  Post,
  Query,
  Req,
  RequestTimeoutException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import {
  CurrentUser,
  notFound,
  PageQuery,
  Roles,
  type Page,
  type Principal,
  ParseUuidPipe,
} from '#platform';
import {
  lineErrorOf,
  rowErrors,
  UnprocessableRowsError,
} from '../common/unprocessable-rows.error.js';
import { countsProblem } from '../import/cwt-layout.js';
import { ImportQuery, SubmissionQuery, SubmitRowsDto } from './submissions.dto.js';
import { ImportRun } from './import-run.entity.js';
import type { ImportReport } from './import-report.js';
import { SubmissionImportService } from './submission-import.service.js';
import { Submission } from './submission.entity.js';

const READERS = ['admin', 'clinician', 'service'] as const;

/**
 * A rejected submission is a 422 carrying the whole report: every bad row with its line, or the
 * cap on rows or columns it passed. A file over the byte cap is a 413, one that took too long
 * to arrive a 408, each with the report too.
 */
function accepted(report: ImportReport): ImportReport {
  if (report.status !== 'rejected') {
    return report;
  }
  const errors = report.problems.map(lineErrorOf);
  if (report.limit === null) {
    // Good rows all, but a standard and month with nothing to count: its problem says so.
    const message =
      report.rowsRejected > 0
        ? `${report.rowsRejected} bad row(s) in ${report.rowsRead}`
        : (report.problems[0]?.problem ?? 'no row to count');
    throw new UnprocessableRowsError(`${message}: nothing was imported`, { errors, report });
  }
  const message = `${report.problems[0]?.problem ?? report.limit}: nothing was imported`;
  switch (report.limit) {
    case 'bytes':
      throw new PayloadTooLargeException({ message, errors, report });
    case 'seconds':
      throw new RequestTimeoutException({ message, errors, report });
    case 'rows':
    case 'columns':
      throw new UnprocessableRowsError(message, { errors, report });
  }
}

@ApiTags('submissions')
@Controller()
export class SubmissionsController {
  constructor(
    @Inject(SubmissionImportService) private readonly importer: SubmissionImportService,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  /**
   * A CWT file in either published layout as the request body (`Content-Type: text/csv`):
   * `curl --data-binary @file.csv -H 'content-type: text/csv'`. At most IMPORT_MAX_BYTES,
   * IMPORT_MAX_ROWS rows of IMPORT_MAX_COLUMNS, received within IMPORT_MAX_SECONDS.
   */
  @Post('imports')
  @Roles('admin')
  @ApiConsumes('text/csv')
  async importFile(
    @Req() request: IncomingMessage,
    @Query() query: ImportQuery,
    @CurrentUser() principal: Principal,
  ) {
    const type = request.headers['content-type'] ?? '';
    if (!/^(text\/csv|text\/plain|application\/octet-stream)\b/i.test(type)) {
      throw new UnsupportedMediaTypeException('Send the file as text/csv');
    }
    return accepted(
      await this.importer.importCsv(request, {
        source: 'csv',
        fileName: query.fileName ?? null,
        mode: query.mode,
        ...(query.period ? { period: query.period } : {}),
        submittedBy: principal.sub,
        dataStatus: query.dataStatus,
      }),
    );
  }

  @Post('submissions')
  @Roles('admin')
  async submit(@Body() dto: SubmitRowsDto, @CurrentUser() principal: Principal) {
    // Which rows are totals is decided over the whole submission, as for a file.
    const rows = dto.rows.map((row) => ({ ...row, orgCode: row.orgCode.toUpperCase() }));
    const problems = rows.flatMap((row, index) => {
      const problem = countsProblem(row.total, row.within, row.breaches);
      return problem ? [{ field: `rows.${index}`, messages: [problem] }] : [];
    });
    if (problems.length > 0) {
      throw rowErrors(problems);
    }
    return accepted(
      await this.importer.importRows(rows, {
        source: 'api',
        fileName: null,
        mode: dto.mode,
        submittedBy: principal.sub,
        dataStatus: dto.dataStatus,
      }),
    );
  }

  @Get('imports')
  @Roles(...READERS)
  async imports(@Query() page: PageQuery): Promise<Page<ImportRun>> {
    const [items, total] = await this.dataSource.manager.findAndCount(ImportRun, {
      order: { createdAt: 'DESC' },
      take: page.limit,
      skip: page.offset,
    });
    return { items, total, limit: page.limit, offset: page.offset };
  }

  @Get('imports/:id')
  @Roles(...READERS)
  async importRun(@Param('id', ParseUuidPipe) id: string): Promise<ImportRun> {
    const run = await this.dataSource.manager.findOneBy(ImportRun, { id });
    if (!run) {
      throw notFound('Import', id);
    }
    return run;
  }

  @Get('submissions')
  @Roles(...READERS)
  async submissions(@Query() query: SubmissionQuery): Promise<Page<Submission>> {
    const [items, total] = await this.dataSource.manager.findAndCount(Submission, {
      where: {
        ...(query.period ? { period: `${query.period}-01` } : {}),
        ...(query.standard ? { standard: query.standard } : {}),
        ...(query.orgCode ? { orgCode: query.orgCode.toUpperCase() } : {}),
      },
      order: { period: 'DESC', orgCode: 'ASC', standard: 'ASC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total, limit: query.limit, offset: query.offset };
  }
}

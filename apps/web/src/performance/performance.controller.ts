import {
  Body,
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
  Post,
  Query,
  Render,
  Req,
  Res,
} from '@nestjs/common';
import { PAGE_ID } from '../page-id.pipe.js';
import type { Response } from 'express';
import { ApiError, ServicesApi } from '../api/services-api.js';
import type { Session } from '../auth/session.js';
import { CurrentSession } from '../auth/signed-in.guard.js';
import {
  filterOf,
  performanceView,
  queryOf,
  type AllianceResponse,
  type AnnouncementResponse,
  type Page,
  type PerformanceRow,
  type StandardResponse,
} from './performance.view.js';
import type { UploadRequest } from './upload.middleware.js';
import {
  IMPORT_MODES,
  importedView,
  refusedView,
  uploadForm,
  type ImportMode,
  type ImportReport,
  type RefusedImport,
} from './upload.view.js';

/** Statuses of a refused file the form shows (bad lines, too big, too slow, a bad query). */
const REFUSED = new Set([400, 408, 413, 415, 422]);
/** Performance reads a file for at most 120 seconds (IMPORT_MAX_SECONDS); a little more here. */
const IMPORT_SECONDS = 150;

/** The performance dashboard, its charts, and the analyst's CWT upload. */
@Controller('performance')
export class PerformanceController {
  constructor(@Inject(ServicesApi) private readonly api: ServicesApi) {}

  @Get()
  async dashboard(
    @Query() query: Record<string, unknown>,
    @CurrentSession() session: Session,
    @Res() response: Response,
  ): Promise<void> {
    const standards = await this.api.get<StandardResponse[]>(session, 'performance', '/standards');
    const filter = filterOf(
      query,
      standards.map((standard) => standard.code),
    );
    if (!filter) {
      const alliances = await this.api.get<Page<AllianceResponse>>(
        session,
        'membership',
        '/alliances?limit=200',
      );
      response.render('performance/alliances.njk', {
        pageTitle: 'Performance',
        section: 'performance',
        alliances: alliances.items.map((alliance) => ({
          name: alliance.name,
          href: `/performance?allianceId=${alliance.id}`,
        })),
      });
      return;
    }
    const [alliance, rows, announcements] = await Promise.all([
      this.api.get<AllianceResponse>(session, 'membership', `/alliances/${filter.allianceId}`),
      this.api.get<Page<PerformanceRow>>(
        session,
        'performance',
        `/performance?${queryOf(filter, { by: 'alliance-tumour-site', limit: 200 })}`,
      ),
      this.api.get<Page<AnnouncementResponse>>(
        session,
        'performance',
        `/announcements?allianceId=${filter.allianceId}&limit=20`,
      ),
    ]);
    const view = performanceView({
      alliance,
      filter,
      standards,
      rows,
      announcements,
      roles: session.roles,
    });
    response.render('performance/performance.njk', {
      pageTitle: `Performance of ${alliance.name}`,
      section: 'performance',
      view,
    });
  }

  /** The service's SVG chart, fetched with the person's token (the browser has none). */
  @Get('chart.svg')
  async chart(
    @Query() query: Record<string, unknown>,
    @CurrentSession() session: Session,
    @Res() response: Response,
  ): Promise<void> {
    const { allianceId, tumourSite, standard } = query;
    if (
      typeof allianceId !== 'string' ||
      typeof tumourSite !== 'string' ||
      typeof standard !== 'string'
    ) {
      throw new NotFoundException();
    }
    const params = new URLSearchParams({ allianceId, tumourSite, standard });
    const svg = await this.api.getText(
      session,
      'performance',
      `/charts/performance.svg?${params.toString()}`,
    );
    response
      .status(200)
      .type('image/svg+xml; charset=utf-8')
      .set('cache-control', 'private, max-age=60')
      .send(svg);
  }

  @Get('upload')
  @Render('performance/upload.njk')
  uploadPage(@CurrentSession() session: Session) {
    return { ...this.page(session), form: uploadForm() };
  }

  /** Sends the file's bytes to performance; a refused file comes back to the form. */
  @Post('upload')
  async upload(
    @Req() request: UploadRequest,
    @Body('mode') sentMode: unknown,
    @CurrentSession() session: Session,
    @Res() response: Response,
  ): Promise<void> {
    const mode: ImportMode = IMPORT_MODES.includes(sentMode as ImportMode)
      ? (sentMode as ImportMode)
      : 'all-or-nothing';
    const file = request.file;
    const refuse = (refusal: RefusedImport | string) => {
      response.status(422).render('performance/upload.njk', {
        ...this.page(session, 'Error: '),
        form: refusedView(refusal, file?.originalname, mode),
      });
    };
    if (request.uploadProblem) {
      return refuse(request.uploadProblem);
    }
    if (!file || file.size === 0) {
      return refuse(file ? 'The selected file is empty' : 'Select a CWT file to upload');
    }
    const fileName = file.originalname.slice(0, 300);
    try {
      const report = await this.api.postBytes<ImportReport>(
        session,
        'performance',
        `/imports?${new URLSearchParams({ mode, fileName }).toString()}`,
        file.buffer,
        'text/csv',
        IMPORT_SECONDS,
      );
      response.redirect(303, `/performance/imports/${report.importId ?? report.id ?? ''}`);
    } catch (error) {
      if (error instanceof ApiError && REFUSED.has(error.status)) {
        return refuse(error.body ?? { message: error.detail });
      }
      throw error;
    }
  }

  /** An import's figures, once it is done (the upload's answer, and a page to come back to). */
  @Get('imports/:id')
  @Render('performance/imported.njk')
  async imported(@Param('id', PAGE_ID) id: string, @CurrentSession() session: Session) {
    const [report, standards] = await Promise.all([
      this.api.get<ImportReport>(session, 'performance', `/imports/${id}`),
      this.api.get<StandardResponse[]>(session, 'performance', '/standards'),
    ]);
    const names = Object.fromEntries(standards.map((standard) => [standard.code, standard.name]));
    return {
      pageTitle: 'CWT file imported',
      section: 'performance',
      imported: importedView(report, names),
    };
  }

  private page(session: Session, titlePrefix = '') {
    return {
      pageTitle: `${titlePrefix}Upload a CWT file`,
      section: 'performance',
      csrf: session.csrf,
    };
  }
}

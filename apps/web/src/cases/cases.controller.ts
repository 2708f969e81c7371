import {
  Body,
  Controller,
  Get,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Render,
  Res,
} from '@nestjs/common';
import type { Response } from 'express';
import { ServicesApi } from '../api/services-api.js';
import type { Session } from '../auth/session.js';
import { CurrentSession } from '../auth/signed-in.guard.js';
import { fieldError, formErrorsOf, type FormErrors } from '../forms/form-errors.js';
import { caseView, type CaseResponse, type RoleHolder } from './case.view.js';

const DONE = {
  acknowledged: 'You acknowledged the case',
  noted: 'Your note is in the case history',
} as const;

/** The case page, and what a person does from it. */
@Controller('cases')
export class CasesController {
  constructor(@Inject(ServicesApi) private readonly api: ServicesApi) {}

  @Get(':id')
  @Render('cases/case.njk')
  show(
    @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) id: string,
    @Query('done') done: unknown,
    @CurrentSession() session: Session,
  ) {
    return this.page(id, session, {
      done: done === 'acknowledged' || done === 'noted' ? DONE[done] : undefined,
    });
  }

  /** The case page's model; `extra` carries a banner, or a refused form and what was typed. */
  private async page(id: string, session: Session, extra: Record<string, unknown>) {
    const escalation = await this.api.get<CaseResponse>(session, 'workflow', `/cases/${id}`);
    const [verification, holders] = await Promise.all([
      this.api.get<{ valid: boolean; reason?: string }>(
        session,
        'workflow',
        `/cases/${id}/history/verify`,
      ),
      this.api.get<RoleHolder[]>(
        session,
        'membership',
        `/bodies/${escalation.bodyId}/role-holders`,
      ),
    ]);
    return {
      pageTitle: escalation.title,
      section: 'my-work',
      case: caseView(escalation, verification, session, holders),
      csrf: session.csrf,
      ...extra,
    };
  }

  @Post(':id/acknowledge')
  async acknowledge(
    @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) id: string,
    @CurrentSession() session: Session,
    @Res() response: Response,
  ): Promise<void> {
    await this.api.post(session, 'workflow', `/cases/${id}/acknowledge`);
    response.redirect(303, `/cases/${id}?done=acknowledged`);
  }

  @Post(':id/notes')
  async addNote(
    @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) id: string,
    @Body('text') text: unknown,
    @CurrentSession() session: Session,
    @Res() response: Response,
  ): Promise<void> {
    let errors: FormErrors | undefined;
    if (typeof text !== 'string' || text.trim() === '') {
      errors = fieldError('note', 'Enter a note');
    } else {
      try {
        await this.api.post(session, 'workflow', `/cases/${id}/notes`, { text });
      } catch (error) {
        errors = formErrorsOf(error, { text: 'note' });
      }
    }
    if (errors) {
      const model = await this.page(id, session, { errors, note: text });
      response
        .status(400)
        .render('cases/case.njk', { ...model, pageTitle: `Error: ${model.pageTitle}` });
      return;
    }
    response.redirect(303, `/cases/${id}?done=noted`);
  }
}

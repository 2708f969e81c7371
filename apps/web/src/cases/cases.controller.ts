import { Body, Controller, Get, Inject, Param, Post, Query, Render, Res } from '@nestjs/common';
import { PAGE_ID } from '../page-id.pipe.js';
import type { Response } from 'express';
import { ServicesApi } from '../api/services-api.js';
import type { Session } from '../auth/session.js';
import { CurrentSession } from '../auth/signed-in.guard.js';
import { fieldError, formErrorsOf, type FormErrors } from '../forms/form-errors.js';
import type { StandardResponse } from '../performance/performance.view.js';
import { whyItOpened } from './case-evidence.js';
import {
  caseView,
  CHAIRS_ACTION_OUTCOMES,
  type CaseResponse,
  type RoleHolder,
} from './case.view.js';

const DONE = {
  acknowledged: 'You acknowledged the case',
  noted: 'Your note is in the case history',
  closed: 'You closed the case',
  resolved: 'You resolved and closed the case',
  'chairs-action':
    "You recorded a chair's action. It takes effect in a moment, and is listed for ratification at the body's next meeting",
} as const;

/** A form of the case page that sends one text to the service. */
interface TextForm {
  /** The form's input id, where its error shows. */
  readonly input: string;
  /** The service's name of the field. */
  readonly field: string;
  /** What to say when it is left empty. */
  readonly empty: string;
  /** The workflow path it goes to, after /cases/:id. */
  readonly action: string;
  readonly done: keyof typeof DONE;
}

const NOTE: TextForm = {
  input: 'note',
  field: 'text',
  empty: 'Enter a note',
  action: 'notes',
  done: 'noted',
};
const CLOSE: TextForm = {
  input: 'close-rationale',
  field: 'rationale',
  empty: 'Enter why the case can close',
  action: 'close',
  done: 'closed',
};
const RESOLVE: TextForm = {
  input: 'resolve-rationale',
  field: 'rationale',
  empty: 'Enter why the case is resolved',
  action: 'resolve',
  done: 'resolved',
};

const isDone = (value: unknown): value is keyof typeof DONE =>
  typeof value === 'string' && Object.hasOwn(DONE, value);

/** The case page, and what a person does from it. */
@Controller('cases')
export class CasesController {
  constructor(@Inject(ServicesApi) private readonly api: ServicesApi) {}

  @Get(':id')
  @Render('cases/case.njk')
  show(
    @Param('id', PAGE_ID) id: string,
    @Query('done') done: unknown,
    @CurrentSession() session: Session,
  ) {
    return this.page(id, session, { done: isDone(done) ? DONE[done] : undefined });
  }

  /** The case page's model; `extra` carries a banner, or a refused form and what was typed. */
  private async page(id: string, session: Session, extra: Record<string, unknown>) {
    const escalation = await this.api.get<CaseResponse>(session, 'workflow', `/cases/${id}`);
    const [verification, holders, standards] = await Promise.all([
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
      // The standards' names, for a case a breach opened.
      typeof escalation.evidence['standard'] === 'string'
        ? this.api.get<StandardResponse[]>(session, 'performance', '/standards')
        : [],
    ]);
    const standardName = (code: string) =>
      standards.find((standard) => standard.code === code)?.name ?? code;
    return {
      pageTitle: escalation.title,
      section: 'my-work',
      case: caseView(escalation, verification, session, holders),
      why: whyItOpened(escalation.evidence, standardName),
      csrf: session.csrf,
      ...extra,
    };
  }

  @Post(':id/acknowledge')
  async acknowledge(
    @Param('id', PAGE_ID) id: string,
    @CurrentSession() session: Session,
    @Res() response: Response,
  ): Promise<void> {
    await this.api.post(session, 'workflow', `/cases/${id}/acknowledge`);
    response.redirect(303, `/cases/${id}?done=acknowledged`);
  }

  @Post(':id/notes')
  addNote(
    @Param('id', PAGE_ID) id: string,
    @Body('text') text: unknown,
    @CurrentSession() session: Session,
    @Res() response: Response,
  ): Promise<void> {
    return this.sendText(id, NOTE, text, session, response);
  }

  @Post(':id/close')
  close(
    @Param('id', PAGE_ID) id: string,
    @Body('rationale') rationale: unknown,
    @CurrentSession() session: Session,
    @Res() response: Response,
  ): Promise<void> {
    return this.sendText(id, CLOSE, rationale, session, response);
  }

  @Post(':id/resolve')
  resolve(
    @Param('id', PAGE_ID) id: string,
    @Body('rationale') rationale: unknown,
    @CurrentSession() session: Session,
    @Res() response: Response,
  ): Promise<void> {
    return this.sendText(id, RESOLVE, rationale, session, response);
  }

  /**
   * The chair's (or deputy's) decision between meetings, recorded by the meetings service for the
   * body holding the case; the workflow applies it to the case from its event.
   */
  @Post(':id/chairs-action')
  async chairsAction(
    @Param('id', PAGE_ID) id: string,
    @Body('outcome') outcome: unknown,
    @Body('rationale') rationale: unknown,
    @CurrentSession() session: Session,
    @Res() response: Response,
  ): Promise<void> {
    let errors: FormErrors | undefined;
    if (!CHAIRS_ACTION_OUTCOMES.some((choice) => choice.value === outcome)) {
      errors = fieldError('chairs-action-outcome', 'Select what you decide');
    } else if (typeof rationale !== 'string' || rationale.trim() === '') {
      errors = fieldError(
        'chairs-action-rationale',
        'Enter why it cannot wait for the next meeting, and what you decided',
      );
    } else {
      try {
        const escalation = await this.api.get<CaseResponse>(session, 'workflow', `/cases/${id}`);
        await this.api.post(session, 'meetings', `/bodies/${escalation.bodyId}/chairs-actions`, {
          caseId: id,
          title: escalation.title,
          outcome,
          rationale,
        });
      } catch (error) {
        errors = formErrorsOf(error, {
          outcome: 'chairs-action-outcome',
          rationale: 'chairs-action-rationale',
        });
      }
    }
    if (errors) {
      await this.refuse(id, session, response, errors, {
        'chairs-action-outcome': typeof outcome === 'string' ? outcome : '',
        'chairs-action-rationale': typeof rationale === 'string' ? rationale : '',
      });
      return;
    }
    response.redirect(303, `/cases/${id}?done=chairs-action`);
  }

  /** The case page again, answering 400, with the error summary and what was typed. */
  private async refuse(
    id: string,
    session: Session,
    response: Response,
    errors: FormErrors,
    typed: Record<string, string>,
  ): Promise<void> {
    const model = await this.page(id, session, { errors, typed });
    response
      .status(400)
      .render('cases/case.njk', { ...model, pageTitle: `Error: ${model.pageTitle}` });
  }

  /** Sends a form's text; a refusal re-shows the page with the error summary and what was typed. */
  private async sendText(
    id: string,
    form: TextForm,
    text: unknown,
    session: Session,
    response: Response,
  ): Promise<void> {
    let errors: FormErrors | undefined;
    if (typeof text !== 'string' || text.trim() === '') {
      errors = fieldError(form.input, form.empty);
    } else {
      try {
        await this.api.post(session, 'workflow', `/cases/${id}/${form.action}`, {
          [form.field]: text,
        });
      } catch (error) {
        errors = formErrorsOf(error, { [form.field]: form.input });
      }
    }
    if (errors) {
      await this.refuse(id, session, response, errors, {
        [form.input]: typeof text === 'string' ? text : '',
      });
      return;
    }
    response.redirect(303, `/cases/${id}?done=${form.done}`);
  }
}

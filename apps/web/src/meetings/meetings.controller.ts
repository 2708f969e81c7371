import { Body, Controller, Get, Inject, Param, Post, Query, Render, Res } from '@nestjs/common';
import { PAGE_ID } from '../page-id.pipe.js';
import type { Response } from 'express';
import { ApiError, ServicesApi } from '../api/services-api.js';
import type { Session } from '../auth/session.js';
import { CurrentSession } from '../auth/signed-in.guard.js';
import { formErrorsOf } from '../forms/form-errors.js';
import { bodyMeetingsView, MEETINGS_PER_PAGE, pageNumber } from './body-meetings.view.js';
import {
  attendanceEntries,
  calendarDay,
  missing,
  text,
  type MeetingForm,
} from './meeting-forms.js';
import { MeetingPageService } from './meeting-page.service.js';
import type { MeetingResponse } from './meeting.view.js';

const DONE = {
  attendance: 'Attendance recorded',
  held: 'The meeting is recorded as held',
  decided: 'Decision recorded',
  action: 'Action assigned',
  minutes: 'Draft minutes saved',
  approved: 'Minutes approved',
} as const;
type Done = keyof typeof DONE;

/**
 * The meeting page, which the body's chair, deputy chair or secretariat run a meeting from, and
 * the body's list of meetings. Every form posts to the meetings service with the person's token,
 * so its rules decide; a refused form comes back with the NHS error summary.
 */
@Controller()
export class MeetingsController {
  constructor(
    @Inject(ServicesApi) private readonly api: ServicesApi,
    @Inject(MeetingPageService) private readonly pages: MeetingPageService,
  ) {}

  @Get('bodies/:id/meetings')
  @Render('meetings/body-meetings.njk')
  async bodyMeetings(
    @Param('id', PAGE_ID) id: string,
    @Query('page') page: unknown,
    @CurrentSession() session: Session,
  ) {
    const offset = (pageNumber(page) - 1) * MEETINGS_PER_PAGE;
    const [body, meetings] = await Promise.all([
      this.api.get<{ id: string; name: string }>(session, 'membership', `/bodies/${id}`),
      this.api.get<{ items: MeetingResponse[]; total: number; limit: number; offset: number }>(
        session,
        'meetings',
        `/bodies/${id}/meetings?limit=${MEETINGS_PER_PAGE}&offset=${offset}`,
      ),
    ]);
    const view = bodyMeetingsView(body, meetings);
    return { pageTitle: `Meetings of ${view.bodyName}`, section: 'meetings', list: view };
  }

  @Get('meetings/:id')
  @Render('meetings/meeting.njk')
  async show(
    @Param('id', PAGE_ID) id: string,
    @Query('done') done: unknown,
    @Query('item') item: unknown,
    @CurrentSession() session: Session,
  ) {
    const decided = done === 'decided' && typeof item === 'string' ? item : undefined;
    return this.model(id, session, {
      done: typeof done === 'string' && done in DONE ? DONE[done as Done] : undefined,
      justDecided: decided,
    });
  }

  @Post('meetings/:id/attendance')
  async recordAttendance(
    @Param('id', PAGE_ID) id: string,
    @Body() form: Record<string, unknown>,
    @CurrentSession() session: Session,
    @Res() response: Response,
  ): Promise<void> {
    const attendance = attendanceEntries(form['attendance']);
    await this.submit(
      id,
      session,
      response,
      { name: 'attendance', values: form },
      'attendance',
      () =>
        attendance.length === 0
          ? Promise.reject(
              new ApiError('meetings', 400, 'Choose present, apologies or absent for someone'),
            )
          : this.api.put(session, 'meetings', `/meetings/${id}/attendance`, { attendance }),
    );
  }

  @Post('meetings/:id/hold')
  async hold(
    @Param('id', PAGE_ID) id: string,
    @CurrentSession() session: Session,
    @Res() response: Response,
  ): Promise<void> {
    await this.submit(id, session, response, { name: 'hold', values: {} }, 'held', () =>
      this.api.post(session, 'meetings', `/meetings/${id}/hold`),
    );
  }

  @Post('meetings/:id/items/:itemId/decision')
  async decide(
    @Param('id', PAGE_ID) id: string,
    @Param('itemId', PAGE_ID) itemId: string,
    @Body() form: Record<string, unknown>,
    @CurrentSession() session: Session,
    @Res() response: Response,
  ): Promise<void> {
    const decision = { outcome: text(form['outcome']), rationale: text(form['rationale']) };
    await this.submit(
      id,
      session,
      response,
      { name: `decision-${itemId}`, values: decision },
      'decided',
      () =>
        sendUnless(
          missing({
            outcome: [decision.outcome, 'Choose the decision'],
            rationale: [decision.rationale, 'Enter why the body decided this'],
          }),
          () => this.api.post(session, 'meetings', `/agenda-items/${itemId}/decision`, decision),
        ),
      `&item=${itemId}#item-${itemId}`,
    );
  }

  @Post('meetings/:id/actions')
  async assignAction(
    @Param('id', PAGE_ID) id: string,
    @Body() form: Record<string, unknown>,
    @CurrentSession() session: Session,
    @Res() response: Response,
  ): Promise<void> {
    const action = {
      description: text(form['description']),
      ownerMemberId: text(form['ownerMemberId']),
      dueOn: calendarDay(form['dueOn']),
    };
    await this.submit(id, session, response, { name: 'action', values: form }, 'action', () =>
      sendUnless(
        missing({
          description: [action.description, 'Enter what needs to be done'],
          ownerMemberId: [action.ownerMemberId, 'Choose who owns the action'],
          dueOn: [action.dueOn, 'Enter the date the action is due'],
        }),
        () => this.api.post(session, 'meetings', `/meetings/${id}/actions`, action),
      ),
    );
  }

  @Post('meetings/:id/minutes')
  async draftMinutes(
    @Param('id', PAGE_ID) id: string,
    @Body('text') minutes: unknown,
    @CurrentSession() session: Session,
    @Res() response: Response,
  ): Promise<void> {
    const body = { text: text(minutes) };
    await this.submit(id, session, response, { name: 'minutes', values: body }, 'minutes', () =>
      this.api.put(session, 'meetings', `/meetings/${id}/minutes`, body),
    );
  }

  @Post('meetings/:id/minutes/approve')
  async approveMinutes(
    @Param('id', PAGE_ID) id: string,
    @Body('atMeetingId') atMeetingId: unknown,
    @CurrentSession() session: Session,
    @Res() response: Response,
  ): Promise<void> {
    const body = { atMeetingId: text(atMeetingId) };
    await this.submit(id, session, response, { name: 'approve', values: body }, 'approved', () =>
      this.api.post(session, 'meetings', `/meetings/${id}/minutes/approve`, body),
    );
  }

  /**
   * Sends a form on to the service and goes back to the page with a banner; a refusal of the
   * form itself (400, 422, or a 409 such as "not started yet") comes back on the page beside
   * what was typed. A 403 or a service that is down goes to the error pages.
   */
  private async submit(
    id: string,
    session: Session,
    response: Response,
    form: MeetingForm,
    done: Done,
    send: () => Promise<unknown>,
    anchor = '',
  ): Promise<void> {
    try {
      await send();
    } catch (error) {
      const refusal =
        error instanceof ApiError && error.status === 409
          ? new ApiError(error.service, 422, error.detail, error.errors, error.correlationId)
          : error;
      const errors = formErrorsOf(refusal, fieldsOf(form.name));
      const model = await this.model(id, session, { form: { ...form, errors } });
      response
        .status((refusal as ApiError).status)
        .render('meetings/meeting.njk', { ...model, pageTitle: `Error: ${model.pageTitle}` });
      return;
    }
    response.redirect(303, `/meetings/${id}?done=${done}${anchor}`);
  }

  private async model(
    id: string,
    session: Session,
    extra: { done?: string; justDecided?: string; form?: MeetingForm },
  ) {
    const meeting = await this.pages.view(id, session, extra.justDecided);
    return {
      pageTitle: meeting.title,
      section: 'meetings',
      meeting,
      csrf: session.csrf,
      done: extra.done,
      form: extra.form,
    };
  }
}

/** The refusal found before sending, or what the service answers. */
function sendUnless(refusal: ApiError | undefined, send: () => Promise<unknown>): Promise<unknown> {
  return refusal ? Promise.reject(refusal) : send();
}

/** The service's field names, mapped to the ids of the inputs that hold them on the page. */
function fieldsOf(form: string): Record<string, string> {
  if (form.startsWith('decision-')) {
    const item = form.slice('decision-'.length);
    return { outcome: `outcome-${item}`, rationale: `rationale-${item}` };
  }
  switch (form) {
    case 'attendance':
      return { attendance: 'attendance' };
    case 'hold':
      return { '': 'hold' };
    case 'action':
      return {
        description: 'action-description',
        ownerMemberId: 'action-owner',
        dueOn: 'action-due-day',
      };
    case 'minutes':
      return { text: 'minutes-text' };
    default:
      return { atMeetingId: 'approve-at' };
  }
}

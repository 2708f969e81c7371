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
  Res,
} from '@nestjs/common';
import { PAGE_ID } from '../page-id.pipe.js';
import type { Response } from 'express';
import { ServicesApi } from '../api/services-api.js';
import type { Session } from '../auth/session.js';
import { CurrentSession, PublicPage } from '../auth/signed-in.guard.js';
import { fieldError, formErrorsOf, type FormErrors } from '../forms/form-errors.js';
import { preferencesForm, preferencesFrom, type Preferences } from './preferences.view.js';
import {
  myWorkView,
  type ActionSummary,
  type CaseSummary,
  type InboxMessage,
  type Page,
  type UpcomingMeeting,
} from './my-work.view.js';

/** The service's field names, and the inputs of the preferences form they go with. */
const PREFERENCE_FIELDS = { channels: 'channels', digest: 'digest', webhookUrl: 'webhookUrl' };

@Controller()
export class MyWorkController {
  constructor(@Inject(ServicesApi) private readonly api: ServicesApi) {}

  /** The front page: what the service is, and sign-in; someone signed in goes to their work. */
  @Get()
  @PublicPage()
  home(@CurrentSession() session: Session | undefined, @Res() response: Response): void {
    if (session) {
      response.redirect(303, '/my-work');
      return;
    }
    response.render('views/home.njk');
  }

  @Get('my-work')
  @Render('my-work/my-work.njk')
  myWork(@CurrentSession() session: Session, @Query('done') done: unknown) {
    return this.page(session, {
      done: done === 'preferences' ? 'Your notification preferences are saved' : undefined,
    });
  }

  /** Saves the preferences; a new webhook's secret is shown on this answer, and never again. */
  @Post('my-work/preferences')
  async savePreferences(
    @CurrentSession() session: Session,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    if (!session.memberId) {
      throw new NotFoundException();
    }
    const preferences = preferencesFrom(body);
    let saved: { webhookSecret?: string } | undefined;
    let errors: FormErrors | undefined;
    if (preferences.channels.includes('webhook') && preferences.webhookUrl === null) {
      errors = fieldError(
        'webhookUrl',
        'Enter the address your tool receives webhooks on, or untick "A webhook"',
      );
    } else {
      try {
        saved = await this.api.put<{ webhookSecret?: string }>(
          session,
          'workflow',
          `/members/${session.memberId}/preferences`,
          {
            channels: preferences.channels,
            digest: preferences.digest,
            ...(preferences.webhookUrl !== null && { webhookUrl: preferences.webhookUrl }),
          },
        );
      } catch (error) {
        errors = formErrorsOf(error, PREFERENCE_FIELDS);
      }
    }
    if (errors) {
      const model = await this.page(session, { errors, typed: preferences });
      response.status(400).render('my-work/my-work.njk', { ...model, pageTitle: 'Error: My work' });
      return;
    }
    if (saved?.webhookSecret) {
      response.render(
        'my-work/my-work.njk',
        await this.page(session, {
          done: 'Your notification preferences are saved',
          webhookSecret: saved.webhookSecret,
        }),
      );
      return;
    }
    response.redirect(303, '/my-work?done=preferences#preferences');
  }

  private async page(session: Session, extra: { typed?: Preferences } & Record<string, unknown>) {
    const member = session.memberId;
    const [cases, inbox, actions, meetings, preferences] = await Promise.all([
      this.api.get<Page<CaseSummary>>(session, 'workflow', '/cases?limit=200'),
      member
        ? this.api.get<Page<InboxMessage> & { unread: number }>(
            session,
            'workflow',
            '/inbox?limit=20',
          )
        : undefined,
      member
        ? this.api.get<Page<ActionSummary>>(
            session,
            'meetings',
            `/members/${member}/actions?status=open&limit=50`,
          )
        : undefined,
      member
        ? this.api.get<{ items: UpcomingMeeting[] }>(
            session,
            'meetings',
            `/members/${member}/meetings?limit=5`,
          )
        : undefined,
      member && !extra.typed
        ? this.api.get<Preferences>(session, 'workflow', `/members/${member}/preferences`)
        : undefined,
    ]);
    const shown = extra.typed ?? preferences;
    return {
      pageTitle: 'My work',
      section: 'my-work',
      csrf: session.csrf,
      work: myWorkView(cases, inbox, actions, meetings?.items),
      preferences: shown && preferencesForm(shown),
      ...extra,
    };
  }

  @Post('inbox/:id/read')
  async markRead(
    @Param('id', PAGE_ID) id: string,
    @CurrentSession() session: Session,
    @Res() response: Response,
  ): Promise<void> {
    await this.api.post(session, 'workflow', `/inbox/${id}/read`);
    response.redirect(303, '/my-work#inbox');
  }
}

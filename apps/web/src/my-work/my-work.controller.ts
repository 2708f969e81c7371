import { Controller, Get, Inject, Param, ParseUUIDPipe, Post, Render, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ServicesApi } from '../api/services-api.js';
import type { Session } from '../auth/session.js';
import { CurrentSession, PublicPage } from '../auth/signed-in.guard.js';
import {
  myWorkView,
  type ActionSummary,
  type CaseSummary,
  type InboxMessage,
  type Page,
} from './my-work.view.js';

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
  async myWork(@CurrentSession() session: Session) {
    const member = session.memberId;
    const [cases, inbox, actions] = await Promise.all([
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
    ]);
    return {
      pageTitle: 'My work',
      section: 'my-work',
      csrf: session.csrf,
      work: myWorkView(cases, inbox, actions),
    };
  }

  @Post('inbox/:id/read')
  async markRead(
    @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) id: string,
    @CurrentSession() session: Session,
    @Res() response: Response,
  ): Promise<void> {
    await this.api.post(session, 'workflow', `/inbox/${id}/read`);
    response.redirect(303, '/my-work#inbox');
  }
}

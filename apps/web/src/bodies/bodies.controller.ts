import { Controller, Get, Inject, Param, Post, Query, Render, Res } from '@nestjs/common';
import { PAGE_ID } from '../page-id.pipe.js';
import type { Response } from 'express';
import { ApiError, ServicesApi } from '../api/services-api.js';
import type { Session } from '../auth/session.js';
import { CurrentSession } from '../auth/signed-in.guard.js';
import {
  bodyView,
  type BodyCase,
  type BodyComment,
  type BodyPathway,
  type BodyPriority,
  type BodyResponse,
  type BodyRisk,
  type BodyRoleHolder,
} from './body.view.js';

/**
 * The body page: who leads it and sits on it, what is vacant, its open cases, priorities, risks
 * and pathways; for its officers, the public's comments on its pathways.
 */
@Controller('bodies')
export class BodiesController {
  constructor(@Inject(ServicesApi) private readonly api: ServicesApi) {}

  @Get(':id')
  @Render('bodies/body.njk')
  async show(
    @Param('id', PAGE_ID) id: string,
    @Query('done') done: unknown,
    @CurrentSession() session: Session,
  ) {
    // The body first, so one the person may not see (or that is not there) is a 404 page.
    const body = await this.api.get<BodyResponse>(session, 'membership', `/bodies/${id}`);
    const [holders, cases, priorities, registers, comments] = await Promise.all([
      this.api.get<BodyRoleHolder[]>(session, 'membership', `/bodies/${id}/role-holders`),
      this.api.get<{ items: BodyCase[] }>(session, 'workflow', `/cases?bodyId=${id}&limit=50`),
      this.api.get<{ items: BodyPriority[] }>(
        session,
        'priorities',
        `/bodies/${id}/priorities?limit=50`,
      ),
      this.api.get<{ serviceGaps: { items: BodyRisk[] }; pathways: { items: BodyPathway[] } }>(
        session,
        'priorities',
        `/bodies/${id}/registers?limit=50`,
      ),
      this.comments(session, id),
    ]);
    return {
      pageTitle: body.name,
      section: 'my-work',
      csrf: session.csrf,
      done: done === 'read' ? 'Comment marked as read' : undefined,
      body: bodyView(body, {
        holders,
        cases: cases.items,
        priorities: priorities.items,
        risks: registers.serviceGaps.items,
        pathways: registers.pathways.items,
        comments,
      }),
    };
  }

  /** An officer marks a comment from the public as read. */
  @Post(':id/pathway-comments/:commentId/read')
  async markRead(
    @Param('id', PAGE_ID) id: string,
    @Param('commentId', PAGE_ID) commentId: string,
    @CurrentSession() session: Session,
    @Res() response: Response,
  ): Promise<void> {
    await this.api.post(session, 'priorities', `/pathway-comments/${commentId}/read`);
    response.redirect(303, `/bodies/${id}?done=read#comments`);
  }

  /** The public's comments, for the body's officers; undefined for anyone else (a 403). */
  private async comments(session: Session, bodyId: string): Promise<BodyComment[] | undefined> {
    try {
      const page = await this.api.get<{ items: BodyComment[] }>(
        session,
        'priorities',
        `/bodies/${bodyId}/pathway-comments?limit=50`,
      );
      return page.items;
    } catch (error) {
      if (error instanceof ApiError && error.status === 403) {
        return undefined;
      }
      throw error;
    }
  }
}

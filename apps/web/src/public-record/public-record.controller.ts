import {
  Body,
  Controller,
  Get,
  HttpException,
  HttpStatus,
  Inject,
  Param,
  Post,
  Render,
  Req,
  Res,
} from '@nestjs/common';
import { PAGE_ID } from '../page-id.pipe.js';
import type { Request, Response } from 'express';
import { ANONYMOUS, ApiError, ServicesApi } from '../api/services-api.js';
import { PublicPage } from '../auth/signed-in.guard.js';
import { formErrorsOf, type FormErrors } from '../forms/form-errors.js';
import { PublicCommentLimit } from './public-comment-limit.js';
import {
  bodiesByAlliance,
  COMMENT_MAX_LENGTH,
  commentFormOf,
  minutesView,
  publicBodyView,
  RELATIONSHIPS,
  type CommentForm,
  type PublicBody,
  type PublicGuidance,
  type PublicMinutes,
  type PublicPathway,
  type PublicPathwayVersion,
} from './public.view.js';

/** The service's names of the comment's fields, to the form's input ids. */
const COMMENT_FIELDS = {
  relationship: 'relationship',
  comment: 'comment',
  name: 'name',
  email: 'email',
};

/**
 * The public pages: anyone, signed in or not, reads each body's published decisions and approved
 * minutes and its pathways, and comments on a pathway under consultation. They call the services'
 * public routes with no token, so only what those publish can show here. Comments go to the
 * body's secretariat and are never shown on these pages.
 */
@PublicPage()
@Controller('public')
export class PublicRecordController {
  constructor(
    @Inject(ServicesApi) private readonly api: ServicesApi,
    @Inject(PublicCommentLimit) private readonly limit: PublicCommentLimit,
  ) {}

  @Get()
  @Render('public-record/bodies.njk')
  async bodies() {
    const bodies = await this.api.get<{ items: PublicBody[] }>(
      ANONYMOUS,
      'membership',
      '/public/bodies',
    );
    return {
      pageTitle: 'Decisions, minutes and pathways',
      section: 'public',
      alliances: bodiesByAlliance(bodies.items),
    };
  }

  @Get('bodies/:id')
  @Render('public-record/body.njk')
  async body(@Param('id', PAGE_ID) id: string) {
    // The body first: one that is not there is a 404 page before anything else is asked.
    const body = await this.api.get<PublicBody & { guidance: PublicGuidance[] }>(
      ANONYMOUS,
      'membership',
      `/public/bodies/${id}`,
    );
    const [minutes, pathways] = await Promise.all([
      this.api.get<{ items: PublicMinutes[] }>(
        ANONYMOUS,
        'meetings',
        `/public/bodies/${id}/minutes?limit=20`,
      ),
      this.api.get<{ items: PublicPathway[] }>(
        ANONYMOUS,
        'priorities',
        `/public/bodies/${id}/pathways`,
      ),
    ]);
    return {
      pageTitle: body.name,
      section: 'public',
      bodyHref: `/public/bodies/${id}`,
      body: publicBodyView(body, minutes.items, pathways.items),
    };
  }

  @Get('meetings/:id')
  @Render('public-record/minutes.njk')
  async minutes(@Param('id', PAGE_ID) id: string) {
    const minutes = await this.api.get<PublicMinutes & { bodyId: string }>(
      ANONYMOUS,
      'meetings',
      `/public/meetings/${id}/minutes`,
    );
    return {
      pageTitle: `Minutes: ${minutes.title}`,
      section: 'public',
      bodyHref: `/public/bodies/${minutes.bodyId}`,
      minutes: minutesView(minutes),
    };
  }

  @Get('pathways/:versionId')
  @Render('public-record/pathway.njk')
  pathway(@Param('versionId', PAGE_ID) versionId: string) {
    return this.pathwayPage(versionId, {});
  }

  @Get('pathways/:versionId/comment-sent')
  @Render('public-record/comment-sent.njk')
  async commentSent(@Param('versionId', PAGE_ID) versionId: string) {
    const version = await this.version(versionId);
    return {
      pageTitle: 'Your comment has been sent',
      section: 'public',
      pathway: version,
      bodyHref: `/public/bodies/${version.bodyId}`,
    };
  }

  /**
   * A comment on a pathway under consultation. Checked here first so the visitor is told what
   * to fix in the NHS pattern, then sent to the service, which checks it again and stores it
   * for the secretariat. Limited per visitor's address, on top of the service's own limit.
   */
  @Post('pathways/:versionId/comments')
  async comment(
    @Param('versionId', PAGE_ID) versionId: string,
    @Body() body: Record<string, unknown> | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const form = commentFormOf(body);
    let errors = this.problemsOf(form);
    if (!errors) {
      const retryAfter = await this.limit.take(request.ip ?? 'unknown');
      if (retryAfter !== undefined) {
        response.setHeader('Retry-After', String(retryAfter));
        throw new HttpException(
          `You have sent several comments in a short time. Try again in ${Math.ceil(retryAfter / 60)} minutes.`,
          HttpStatus.TOO_MANY_REQUESTS,
        );
      }
      try {
        await this.api.post(
          ANONYMOUS,
          'priorities',
          `/public/pathway-versions/${versionId}/comments`,
          {
            relationship: form.relationship,
            comment: form.comment,
            ...(form.name && { name: form.name }),
            ...(form.email && { email: form.email }),
          },
        );
        response.redirect(303, `/public/pathways/${versionId}/comment-sent`);
        return;
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) {
          // Consultation closed while the visitor typed: the page now says so, without a form.
          errors = { list: [{ text: error.detail, href: '#comment' }], byField: {} };
        } else {
          errors = formErrorsOf(error, COMMENT_FIELDS);
        }
      }
    }
    const model = await this.pathwayPage(versionId, { errors, form });
    response
      .status(400)
      .render('public-record/pathway.njk', { ...model, pageTitle: `Error: ${model.pageTitle}` });
  }

  private problemsOf(form: CommentForm): FormErrors | undefined {
    const list: FormErrors['list'] = [];
    const byField: Record<string, { text: string }> = {};
    const problem = (field: string, text: string) => {
      list.push({ text, href: `#${field}` });
      byField[field] = { text };
    };
    if (!RELATIONSHIPS.some((choice) => choice.value === form.relationship)) {
      problem('relationship', 'Select who you are commenting as');
    }
    if (!form.comment) {
      problem('comment', 'Enter your comment');
    } else if (form.comment.length > COMMENT_MAX_LENGTH) {
      problem('comment', `Your comment must be ${COMMENT_MAX_LENGTH} characters or fewer`);
    }
    if (form.name && form.name.length > 200) {
      problem('name', 'Your name must be 200 characters or fewer');
    }
    if (form.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email)) {
      problem('email', 'Enter an email address in the correct format, like name@example.com');
    }
    return list.length > 0 ? { list, byField } : undefined;
  }

  private version(versionId: string): Promise<PublicPathwayVersion> {
    return this.api.get<PublicPathwayVersion>(
      ANONYMOUS,
      'priorities',
      `/public/pathway-versions/${versionId}`,
    );
  }

  private async pathwayPage(versionId: string, extra: Record<string, unknown>) {
    const version = await this.version(versionId);
    return {
      pageTitle: version.title,
      section: 'public',
      bodyHref: `/public/bodies/${version.bodyId}`,
      pathway: version,
      relationships: RELATIONSHIPS,
      commentMaxLength: COMMENT_MAX_LENGTH,
      form: {},
      ...extra,
    };
  }
}

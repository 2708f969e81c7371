import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { currentContext } from '#platform';
import { ApiError } from './api/services-api.js';
import { FormTokenRefused, SignInRequired } from './auth/signed-in.guard.js';
import { safeReturnPath } from './auth/session.js';

interface ErrorPage {
  readonly status: number;
  readonly title: string;
  readonly message: string;
}

const NOT_FOUND: ErrorPage = {
  status: 404,
  title: 'Page not found',
  message:
    'If you typed the web address, check it is correct. If you followed a link, the page may have moved, or you may not have access to it.',
};

/**
 * What a person sees when a page cannot be shown: sign-in (then back), a page that is not there
 * or not theirs to see (404, never saying which), a refused action (403), or a service that is
 * down (503 with the correlation id to quote). Never a stack trace and never a JSON body.
 */
@Catch()
export class WebErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('WebErrors');

  catch(error: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    if (error instanceof SignInRequired || (error instanceof ApiError && error.status === 401)) {
      const returnTo = error instanceof SignInRequired ? error.returnTo : request.originalUrl;
      response.redirect(
        303,
        `/auth/sign-in?returnTo=${encodeURIComponent(safeReturnPath(returnTo))}`,
      );
      return;
    }
    const page = this.pageFor(error, request);
    response.status(page.status).render('views/error.njk', {
      ...page,
      correlationId: currentContext()?.correlationId,
    });
  }

  private pageFor(error: unknown, request: Request): ErrorPage {
    if (error instanceof FormTokenRefused) {
      return {
        status: 403,
        title: 'You cannot do that from here',
        message:
          'The form was not sent from a page of your current session. Go back, reload the page and try again.',
      };
    }
    if (
      (error instanceof ApiError && error.status === 429) ||
      (error instanceof HttpException && error.getStatus() === 429)
    ) {
      return {
        status: 429,
        title: 'Too many requests',
        message:
          error instanceof ApiError
            ? 'The service has had too many requests from here. Wait a minute and try again.'
            : error.message,
      };
    }
    if (error instanceof ApiError) {
      if (error.status === 404 || (error.status === 403 && request.method === 'GET')) {
        return NOT_FOUND;
      }
      if (error.status === 403) {
        return { status: 403, title: 'You cannot do that', message: error.detail };
      }
      if (error.status >= 500) {
        this.logger.warn(`${error.service} unavailable: ${error.detail}`);
        return {
          status: 503,
          title: 'Sorry, the service is unavailable',
          message: 'Part of the service is not answering. Try again in a few minutes.',
        };
      }
      return { status: error.status, title: 'That could not be done', message: error.detail };
    }
    if (error instanceof HttpException && error.getStatus() === 404) {
      return NOT_FOUND;
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return {
      status: 500,
      title: 'Sorry, there is a problem with the service',
      message: 'Try again later.',
    };
  }
}

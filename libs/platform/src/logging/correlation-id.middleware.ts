import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import { runWithContext } from './request-context.js';

export const CORRELATION_ID_HEADER = 'x-correlation-id';

// Callers choose the id, so it is only trusted when it cannot inject anything into logs or headers.
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's correlation id when it is a reasonable token, else a new UUID. */
export function correlationIdFrom(header: string | string[] | undefined): string {
  const candidate = Array.isArray(header) ? header[0] : header;
  return candidate !== undefined && ACCEPTABLE_ID.test(candidate) ? candidate : randomUUID();
}

/**
 * Gives every HTTP request a correlation id (the caller's `x-correlation-id` or a new one), echoes
 * it in the response, and runs the rest of the request inside that context so logs and published
 * events carry it.
 */
@Injectable()
export class CorrelationIdMiddleware implements NestMiddleware<IncomingMessage, ServerResponse> {
  use(request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void): void {
    const correlationId = correlationIdFrom(request.headers[CORRELATION_ID_HEADER]);
    response.setHeader(CORRELATION_ID_HEADER, correlationId);
    runWithContext({ correlationId }, () => next());
  }
}

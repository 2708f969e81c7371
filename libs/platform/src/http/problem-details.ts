import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import { CORRELATION_ID_HEADER } from '../logging/correlation-id.middleware.js';

type JsonResponse = ServerResponse & { json(body: unknown): unknown };

/**
 * An error body as RFC 9457 problem details: `type`, `title`, `status` and `detail`, with the
 * request's correlation id, beside the fields every answer of the platform already carries
 * (`statusCode`, `error`, `message`, and `errors` naming fields), so clients of either kind read it.
 */
export function toProblem(
  body: Record<string, unknown>,
  status: number,
  correlationId: string | undefined,
): Record<string, unknown> {
  const title = STATUS_CODES[status] ?? 'Error';
  const message = body['message'];
  const detail =
    typeof body['detail'] === 'string'
      ? body['detail']
      : Array.isArray(message)
        ? message.join('; ')
        : typeof message === 'string'
          ? message
          : title;
  return {
    error: title,
    message: detail,
    ...body,
    type: typeof body['type'] === 'string' ? body['type'] : 'about:blank',
    title,
    status,
    detail,
    statusCode: status,
    ...(correlationId !== undefined && { correlationId }),
  };
}

/**
 * Express middleware: every JSON answer of 400 or more leaves as `application/problem+json` in
 * the shape above, whichever filter or framework part wrote it (domain errors, database errors,
 * validation, an unknown route, an unexpected 500).
 */
export function problemDetails(
  _request: IncomingMessage,
  response: JsonResponse,
  next: () => void,
): void {
  const json = response.json.bind(response);
  response.json = (body: unknown) => {
    if (
      response.statusCode >= 400 &&
      typeof body === 'object' &&
      body !== null &&
      !Array.isArray(body)
    ) {
      const correlationId = response.getHeader(CORRELATION_ID_HEADER);
      response.setHeader('content-type', 'application/problem+json; charset=utf-8');
      return json(
        toProblem(
          body as Record<string, unknown>,
          response.statusCode,
          typeof correlationId === 'string' ? correlationId : undefined,
        ),
      );
    }
    return json(body);
  };
  next();
}

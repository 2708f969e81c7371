import { type ArgumentsHost, Catch, type ExceptionFilter, HttpStatus } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import { DomainError, type DomainErrorKind, InvalidError } from './domain-error.js';

const STATUS: Record<DomainErrorKind, HttpStatus> = {
  invalid: HttpStatus.BAD_REQUEST,
  'not-found': HttpStatus.NOT_FOUND,
  'not-known-yet': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  refused: HttpStatus.FORBIDDEN,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
};

const ERROR_NAMES: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable Entity',
};

/** The HTTP status a domain error answers with. */
export function statusOf(error: DomainError): HttpStatus {
  return STATUS[error.kind];
}

/**
 * Answers a domain error in the shape Nest's own exceptions and the validation pipe use:
 * `{ statusCode, error, message }`, with the error's details beside them (`errors: [{ field,
 * messages }]` for invalid fields).
 */
@Catch(DomainError)
export class DomainErrorFilter implements ExceptionFilter<DomainError> {
  catch(error: DomainError, host: ArgumentsHost): Observable<never> | void {
    if (host.getType() !== 'http') {
      // Event handlers: the consumer maps domain errors itself (skip, retry or dead-letter).
      return throwError(() => error);
    }
    const statusCode = statusOf(error);
    // The validation pipe's shape for invalid fields: the fields are in the details.
    const message = error instanceof InvalidError ? 'Validation failed' : error.message;
    host
      .switchToHttp()
      .getResponse<{ status(code: number): { json(body: unknown): void } }>()
      .status(statusCode)
      .json({ statusCode, error: ERROR_NAMES[statusCode], message, ...error.details });
  }
}

import { type ArgumentsHost, Catch, type ExceptionFilter, HttpStatus } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import { UnprocessableRowsError } from './unprocessable-rows.error.js';

/**
 * Answers an UnprocessableRowsError as DomainErrorFilter answers any 422 (`{ statusCode, error,
 * message }`), with the rows' details beside the message. Register it after DomainErrorFilter:
 * Nest asks the global filter registered last first.
 */
@Catch(UnprocessableRowsError)
export class UnprocessableRowsFilter implements ExceptionFilter<UnprocessableRowsError> {
  catch(error: UnprocessableRowsError, host: ArgumentsHost): Observable<never> | void {
    if (host.getType() !== 'http') {
      return throwError(() => error);
    }
    const statusCode = HttpStatus.UNPROCESSABLE_ENTITY;
    host
      .switchToHttp()
      .getResponse<{ status(code: number): { json(body: unknown): void } }>()
      .status(statusCode)
      .json({
        statusCode,
        error: 'Unprocessable Entity',
        message: error.message,
        ...error.details,
      });
  }
}

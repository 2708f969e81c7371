import { type ArgumentsHost, Catch, type ExceptionFilter, HttpStatus } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import { QueryFailedError } from 'typeorm';

/** What to tell the client when a named constraint refuses a write. */
export type ConstraintMessages = Readonly<Record<string, string>>;

/** serialization_failure and deadlock_detected: the whole transaction was rolled back. */
const TRANSIENT = new Set(['40001', '40P01']);

const STATUS_BY_SQLSTATE: Readonly<Record<string, HttpStatus>> = {
  '23505': HttpStatus.CONFLICT, // unique_violation
  '23P01': HttpStatus.CONFLICT, // exclusion_violation
  '23503': HttpStatus.CONFLICT, // foreign_key_violation
  '23514': HttpStatus.UNPROCESSABLE_ENTITY, // check_violation
};

/**
 * The database is the last line of a rule (one chair at a time, unique codes): when a write
 * that passed the service's own checks still breaks a constraint (two requests racing, a
 * raw write), the client gets 409 or 422 naming the rule, not a 500; a value it cannot store
 * gets 400. Other query errors pass through untouched.
 */
@Catch(QueryFailedError)
export class QueryErrorFilter implements ExceptionFilter<QueryFailedError> {
  constructor(private readonly messages: ConstraintMessages = {}) {}

  catch(error: QueryFailedError, host: ArgumentsHost): Observable<never> | void {
    const driverError = error.driverError as {
      code?: string;
      constraint?: string;
      message?: string;
    };
    if (host.getType() === 'http' && driverError.code?.startsWith('22')) {
      return this.answerBadData(driverError.message ?? error.message, host);
    }
    if (host.getType() === 'http' && TRANSIENT.has(driverError.code ?? '')) {
      return this.answerCollision(host);
    }
    const status = driverError.code ? STATUS_BY_SQLSTATE[driverError.code] : undefined;
    if (host.getType() !== 'http' || status === undefined) {
      // Event handlers and unexpected errors keep their own error handling.
      return throwError(() => error);
    }
    const constraint = driverError.constraint;
    const message =
      (constraint && this.messages[constraint]) ??
      'The change conflicts with the current state of the record';
    host
      .switchToHttp()
      .getResponse<{ status(code: number): { json(body: unknown): void } }>()
      .status(status)
      .json({
        statusCode: status,
        error: status === HttpStatus.CONFLICT ? 'Conflict' : 'Unprocessable Entity',
        message,
        // The one list of particulars every error has; here the rule broken is the "field".
        ...(constraint ? { constraint, errors: [{ field: constraint, messages: [message] }] } : {}),
      });
  }

  /**
   * A deadlock or serialization failure: the transaction met another at the same moment and was
   * rolled back whole, so nothing was written and the same request can simply be sent again.
   */
  private answerCollision(host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<{
      setHeader(name: string, value: string): void;
      status(code: number): { json(body: unknown): void };
    }>();
    response.setHeader('Retry-After', '1');
    response.status(HttpStatus.CONFLICT).json({
      statusCode: HttpStatus.CONFLICT,
      error: 'Conflict',
      message:
        'The change met another made at the same moment and nothing was written: send it again',
    });
  }

  /**
   * SQLSTATE class 22 (data exception: a NUL in text, a number or date beyond its column) can
   * only come from a value the request sent that the edge's validation let through: the caller's
   * error, answered 400 with PostgreSQL's words (they quote the caller's own value), never 500.
   */
  private answerBadData(reason: string, host: ArgumentsHost): void {
    host
      .switchToHttp()
      .getResponse<{ status(code: number): { json(body: unknown): void } }>()
      .status(HttpStatus.BAD_REQUEST)
      .json({
        statusCode: HttpStatus.BAD_REQUEST,
        error: 'Bad Request',
        message: `A value in the request cannot be stored: ${reason}`,
      });
  }
}

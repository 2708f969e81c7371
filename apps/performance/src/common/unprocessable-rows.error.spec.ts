import type { ArgumentsHost } from '@nestjs/common';
import { lastValueFrom, type Observable } from 'rxjs';
import { DomainErrorFilter, statusOf, UnprocessableError } from '#platform';
import { rowErrors, rowProblems, UnprocessableRowsError } from './unprocessable-rows.error.js';

function answer(error: UnprocessableRowsError): { status: number; body: unknown } {
  const sent: { status: number; body: unknown } = { status: 0, body: undefined };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({
      getResponse: () => ({
        status: (code: number) => {
          sent.status = code;
          return { json: (body: unknown) => (sent.body = body) };
        },
      }),
    }),
  } as unknown as ArgumentsHost;
  new DomainErrorFilter().catch(error, host);
  return sent;
}

describe('UnprocessableRowsError over HTTP', () => {
  it('answers 422 with the field errors every error has, naming each bad line', () => {
    expect(answer(rowProblems([{ line: 3, problem: 'invalid ODS code "R M1"' }]))).toEqual({
      status: 422,
      body: {
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: '1 bad row(s): nothing was imported',
        errors: [{ field: 'line 3', line: 3, messages: ['invalid ODS code "R M1"'] }],
      },
    });
  });

  it('refuses bad rows with a 422 in the validation pipe’s shape', () => {
    const error = rowErrors([{ field: 'rows.3.screened', messages: ['too many'] }]);
    expect(error).toBeInstanceOf(UnprocessableError);
    expect(statusOf(error)).toBe(422);
    expect(answer(error)).toEqual({
      status: 422,
      body: {
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: 'Validation failed',
        errors: [{ field: 'rows.3.screened', messages: ['too many'] }],
      },
    });
  });

  it('carries a rejected import’s whole report', () => {
    const report = { status: 'rejected', rowsRead: 2 };
    const errors = [{ field: 'line 2', line: 2, messages: ['unreadable period'] }];
    expect(answer(new UnprocessableRowsError('2 bad row(s)', { errors, report })).body).toEqual({
      statusCode: 422,
      error: 'Unprocessable Entity',
      message: '2 bad row(s)',
      errors,
      report,
    });
  });

  it('leaves event handlers their own error handling', async () => {
    const host = { getType: () => 'rpc' } as unknown as ArgumentsHost;
    const error = rowProblems([]);
    const passed = new DomainErrorFilter().catch(error, host) as Observable<never>;
    await expect(lastValueFrom(passed)).rejects.toBe(error);
  });
});

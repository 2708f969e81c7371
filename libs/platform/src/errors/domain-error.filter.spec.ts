import type { ArgumentsHost } from '@nestjs/common';
import { lastValueFrom, type Observable } from 'rxjs';
import {
  ConflictError,
  invalidField,
  notFound,
  NotKnownYetError,
  RefusedError,
  UnprocessableError,
  type DomainError,
} from './domain-error.js';
import { DomainErrorFilter } from './domain-error.filter.js';

function answer(error: DomainError): { status: number; body: unknown } {
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

describe('DomainErrorFilter', () => {
  it('answers each kind with its status, in the shape of Nest exceptions', () => {
    expect(answer(notFound('Body', 'b-1'))).toEqual({
      status: 404,
      body: { statusCode: 404, error: 'Not Found', message: 'Body b-1 not found' },
    });
    expect(answer(new NotKnownYetError('Body b-1 is not known yet')).status).toBe(404);
    expect(answer(new ConflictError('Already acknowledged')).status).toBe(409);
    expect(answer(new RefusedError('Only the chair may')).status).toBe(403);
    expect(answer(new UnprocessableError('No quorum')).status).toBe(422);
  });

  it('names each invalid field as the validation pipe does', () => {
    expect(answer(invalidField('parentBodyId', 'must be a CAG'))).toEqual({
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Validation failed',
        errors: [{ field: 'parentBodyId', messages: ['must be a CAG'] }],
      },
    });
  });

  it('answers an error with its details beside its message', () => {
    const report = { status: 'rejected', rowsRead: 2 };
    expect(answer(new UnprocessableError('2 bad row(s)', { report })).body).toEqual({
      statusCode: 422,
      error: 'Unprocessable Entity',
      message: '2 bad row(s)',
      report,
    });
  });

  it('leaves event handlers their own error handling', async () => {
    const host = { getType: () => 'rpc' } as unknown as ArgumentsHost;
    const error = new ConflictError('stale');
    const passed = new DomainErrorFilter().catch(error, host) as Observable<never>;
    await expect(lastValueFrom(passed)).rejects.toBe(error);
  });
});

import type { ArgumentsHost } from '@nestjs/common';
import { lastValueFrom, type Observable } from 'rxjs';
import { QueryFailedError } from 'typeorm';
import { QueryErrorFilter } from './query-error.filter.js';

function queryError(code: string, constraint?: string): QueryFailedError {
  return new QueryFailedError(
    'INSERT ...',
    [],
    Object.assign(new Error('violates'), { code, constraint }),
  );
}

interface Sent {
  status?: number;
  body?: unknown;
  headers: Record<string, string>;
}

function httpHost(): { host: ArgumentsHost; sent: Sent } {
  const sent: Sent = { headers: {} };
  const response = {
    setHeader(name: string, value: string) {
      sent.headers[name] = value;
    },
    status(code: number) {
      sent.status = code;
      return { json: (body: unknown) => void (sent.body = body) };
    },
  };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({ getResponse: () => response }),
  } as unknown as ArgumentsHost;
  return { host, sent };
}

describe('QueryErrorFilter', () => {
  const filter = new QueryErrorFilter({ appointment_single_holder_excl: 'One chair at a time' });

  it('answers 409 with the message for the named constraint', () => {
    const { host, sent } = httpHost();
    filter.catch(queryError('23P01', 'appointment_single_holder_excl'), host);
    expect(sent).toEqual({
      status: 409,
      headers: {},
      body: {
        statusCode: 409,
        error: 'Conflict',
        message: 'One chair at a time',
        constraint: 'appointment_single_holder_excl',
        errors: [{ field: 'appointment_single_holder_excl', messages: ['One chair at a time'] }],
      },
    });
  });

  it('answers a deadlock or serialization failure 409 with Retry-After: nothing was written', () => {
    for (const code of ['40P01', '40001']) {
      const { host, sent } = httpHost();
      filter.catch(queryError(code), host);
      expect(sent).toMatchObject({
        status: 409,
        headers: { 'Retry-After': '1' },
        body: { message: expect.stringMatching(/nothing was written: send it again/) },
      });
    }
  });

  it('answers 422 for a check violation and a generic message for an unnamed constraint', () => {
    const { host, sent } = httpHost();
    filter.catch(queryError('23514', 'appointment_term_order_check'), host);
    expect(sent.status).toBe(422);
    expect(sent.body).toMatchObject({
      message: 'The change conflicts with the current state of the record',
      errors: [
        {
          field: 'appointment_term_order_check',
          messages: ['The change conflicts with the current state of the record'],
        },
      ],
    });
  });

  it('passes other errors and non-HTTP contexts through unchanged', async () => {
    const syntax = queryError('42601');
    const { host, sent } = httpHost();
    await expect(lastValueFrom(filter.catch(syntax, host) as Observable<never>)).rejects.toBe(
      syntax,
    );
    expect(sent.status).toBeUndefined();
    const rpc = { getType: () => 'rpc' } as unknown as ArgumentsHost;
    const unique = queryError('23505', 'member_email_key');
    await expect(lastValueFrom(filter.catch(unique, rpc) as Observable<never>)).rejects.toBe(
      unique,
    );
  });

  it('answers 400 for a value the database cannot store, quoting its reason', () => {
    for (const [code, reason] of [
      ['22021', 'invalid byte sequence for encoding "UTF8": 0x00'],
      ['22003', 'value "2147483648" is out of range for type integer'],
      ['22008', 'date/time field value out of range: "0000-01-01"'],
    ] as const) {
      const { host, sent } = httpHost();
      const error = new QueryFailedError(
        'SELECT ...',
        [],
        Object.assign(new Error(reason), { code }),
      );
      filter.catch(error, host);
      expect(sent).toEqual({
        status: 400,
        headers: {},
        body: {
          statusCode: 400,
          error: 'Bad Request',
          message: `A value in the request cannot be stored: ${reason}`,
        },
      });
    }
  });
});

import { correlationIdFrom } from './correlation-id.middleware.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('correlationIdFrom', () => {
  it('keeps a reasonable caller id', () => {
    expect(correlationIdFrom('trace-01:abc.DEF_9')).toBe('trace-01:abc.DEF_9');
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['too long', 'a'.repeat(129)],
    ['with spaces', 'two words'],
    ['with a line break', 'abc\r\nSet-Cookie: x'],
  ])('replaces a %s id with a new UUID', (_label, header) => {
    expect(correlationIdFrom(header)).toMatch(UUID);
  });

  it('takes the first of repeated headers', () => {
    expect(correlationIdFrom(['first', 'second'])).toBe('first');
  });
});

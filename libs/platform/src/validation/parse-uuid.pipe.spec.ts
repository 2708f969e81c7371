import { InvalidError } from '../errors/domain-error.js';
import { ParseUuidPipe } from './parse-uuid.pipe.js';

describe('ParseUuidPipe', () => {
  const param = { type: 'param', data: 'meetingId' } as const;

  it('passes a UUID through and names the parameter of anything else', () => {
    const id = '3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a';
    expect(new ParseUuidPipe().transform(id, param)).toBe(id);
    for (const bad of ['not-a-uuid', `${id}0`, '', undefined]) {
      let thrown: unknown;
      try {
        new ParseUuidPipe().transform(bad, param);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(InvalidError);
      expect((thrown as InvalidError).details).toEqual({
        errors: [{ field: 'meetingId', messages: ['meetingId must be a UUID'] }],
      });
    }
  });

  it('lets an absent optional query parameter through, but not a bad one', () => {
    const query = { type: 'query', data: 'allianceId' } as const;
    expect(new ParseUuidPipe({ optional: true }).transform(undefined, query)).toBeUndefined();
    expect(() => new ParseUuidPipe({ optional: true }).transform('x', query)).toThrow(InvalidError);
  });
});

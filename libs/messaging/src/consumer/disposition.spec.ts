import {
  ConflictError,
  InvalidError,
  NotFoundError,
  NotKnownYetError,
  RefusedError,
  UnprocessableError,
} from '#platform';
import { dispositionOf } from './disposition.js';

describe('dispositionOf', () => {
  it('skips what changes nothing, parks what is not known yet, dead-letters the rest', () => {
    expect(dispositionOf(new ConflictError('already acknowledged'))).toBe('skip');
    expect(dispositionOf(new RefusedError('not the chair'))).toBe('skip');
    expect(dispositionOf(new NotKnownYetError('body b-1 is not known yet'))).toBe('park');
    expect(dispositionOf(new NotFoundError('meeting m-1 not found'))).toBe('dead-letter');
    expect(dispositionOf(new UnprocessableError('no quorum'))).toBe('dead-letter');
    expect(dispositionOf(new InvalidError([{ field: 'on', messages: ['bad'] }]))).toBe(
      'dead-letter',
    );
  });

  it('retries any other error, up to the attempts allowed', () => {
    expect(dispositionOf(new Error('deadlock detected'))).toBe('retry');
  });
});

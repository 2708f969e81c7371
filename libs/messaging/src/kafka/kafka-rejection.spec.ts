import {
  KafkaJSConnectionError,
  KafkaJSError,
  KafkaJSNonRetriableError,
  KafkaJSNumberOfRetriesExceeded,
  KafkaJSProtocolError,
} from 'kafkajs';
import { permanentRejection } from './kafka-rejection.js';

function brokerError(type: string, code: number, retriable: boolean): KafkaJSProtocolError {
  return new KafkaJSProtocolError(
    Object.assign(new Error(`${type} from the broker`), { type, code, retriable }),
  );
}

describe('permanentRejection', () => {
  it.each([
    ['MESSAGE_TOO_LARGE', 10],
    ['RECORD_LIST_TOO_LARGE', 18],
    ['INVALID_TOPIC_EXCEPTION', 17],
    ['INVALID_RECORD', 87],
  ])('names %s as permanent, bare or wrapped by kafkajs', (type, code) => {
    const error = brokerError(type, code, false);
    expect(permanentRejection(error)).toBe(`${type}: ${type} from the broker`);
    // As kafkajs's retrier wraps it: the broker's error is the cause.
    const wrapped = Object.assign(new KafkaJSNonRetriableError(error), { cause: error });
    expect(permanentRejection(wrapped)).toMatch(new RegExp(`^${type}: `));
  });

  it('takes a broker outage, a moving leader or a producer shutting down as passing', () => {
    const down = new KafkaJSConnectionError('Connection error: connect ECONNREFUSED');
    expect(permanentRejection(down)).toBeUndefined();
    expect(
      permanentRejection(new KafkaJSNumberOfRetriesExceeded(down, { retryCount: 5, retryTime: 1 })),
    ).toBeUndefined();
    expect(permanentRejection(brokerError('NOT_LEADER_FOR_PARTITION', 6, true))).toBeUndefined();
    expect(
      permanentRejection(new KafkaJSNonRetriableError('The producer is disconnecting')),
    ).toBeUndefined();
    // Not one message's doing: parking would empty the outbox into the parked list.
    expect(
      permanentRejection(brokerError('TOPIC_AUTHORIZATION_FAILED', 29, false)),
    ).toBeUndefined();
    expect(permanentRejection(new KafkaJSError('something else'))).toBeUndefined();
    expect(permanentRejection('a string')).toBeUndefined();
  });
});

import type { IHeaders, KafkaMessage } from 'kafkajs';

/** Headers a dead-lettered message carries, so it can be inspected and replayed. */
export const DEAD_LETTER_HEADERS = {
  reason: 'x-dead-letter-reason',
  consumer: 'x-dead-letter-consumer',
  topic: 'x-dead-letter-original-topic',
  partition: 'x-dead-letter-original-partition',
  offset: 'x-dead-letter-original-offset',
  attempts: 'x-dead-letter-attempts',
  failedAt: 'x-dead-letter-failed-at',
} as const;

/** One dead-letter topic per consumer group: what it could not handle, for it to replay. */
export function deadLetterTopic(consumer: string): string {
  return `${consumer}.dead-letter`;
}

export interface DeadLetter {
  readonly reason: string;
  readonly consumer: string;
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly attempts: number;
}

export function deadLetterMessage(
  message: KafkaMessage,
  letter: DeadLetter,
): { key: Buffer | null; value: Buffer | null; headers: IHeaders } {
  return {
    key: message.key,
    value: message.value,
    headers: {
      ...message.headers,
      // Kafka headers have no size limit of note, but a stack trace is no reason.
      [DEAD_LETTER_HEADERS.reason]: letter.reason.slice(0, 2000),
      [DEAD_LETTER_HEADERS.consumer]: letter.consumer,
      [DEAD_LETTER_HEADERS.topic]: letter.topic,
      [DEAD_LETTER_HEADERS.partition]: String(letter.partition),
      [DEAD_LETTER_HEADERS.offset]: letter.offset,
      [DEAD_LETTER_HEADERS.attempts]: String(letter.attempts),
      [DEAD_LETTER_HEADERS.failedAt]: new Date().toISOString(),
    },
  };
}

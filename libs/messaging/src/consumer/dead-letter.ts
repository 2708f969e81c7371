import type { IHeaders, Kafka, KafkaMessage } from 'kafkajs';

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

/** A dead-lettered message as an operator sees it, with what is needed to replay it. */
export interface DeadLetterRecord {
  /** Where it sits: the dead-letter topic, partition and offset. */
  readonly deadLetterTopic: string;
  readonly deadLetterPartition: number;
  readonly deadLetterOffset: string;
  /** The CloudEvents id and type from the message value, when it is an envelope at all. */
  readonly eventId: string | undefined;
  readonly type: string | undefined;
  readonly consumer: string | undefined;
  readonly sourceTopic: string | undefined;
  readonly sourcePartition: number | undefined;
  readonly sourceOffset: string | undefined;
  readonly reason: string | undefined;
  readonly attempts: number | undefined;
  readonly failedAt: string | undefined;
  /** The original message: its key, bytes and headers, the dead-letter ones left out. */
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: IHeaders;
}

const DEAD_LETTER_HEADER_NAMES = new Set<string>(Object.values(DEAD_LETTER_HEADERS));

function headerText(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

function envelopeOf(value: Buffer | null): { id?: unknown; type?: unknown } {
  try {
    const parsed: unknown = JSON.parse(value?.toString('utf8') ?? 'null');
    return typeof parsed === 'object' && parsed !== null ? parsed : {};
  } catch {
    return {};
  }
}

export function toDeadLetterRecord(
  topic: string,
  partition: number,
  message: KafkaMessage,
): DeadLetterRecord {
  const headers = message.headers ?? {};
  const { id, type } = envelopeOf(message.value);
  const number = (name: string) => {
    const text = headerText(headers, name);
    return text === undefined ? undefined : Number(text);
  };
  return {
    deadLetterTopic: topic,
    deadLetterPartition: partition,
    deadLetterOffset: message.offset,
    eventId: typeof id === 'string' ? id : undefined,
    type: typeof type === 'string' ? type : undefined,
    consumer: headerText(headers, DEAD_LETTER_HEADERS.consumer),
    sourceTopic: headerText(headers, DEAD_LETTER_HEADERS.topic),
    sourcePartition: number(DEAD_LETTER_HEADERS.partition),
    sourceOffset: headerText(headers, DEAD_LETTER_HEADERS.offset),
    reason: headerText(headers, DEAD_LETTER_HEADERS.reason),
    attempts: number(DEAD_LETTER_HEADERS.attempts),
    failedAt: headerText(headers, DEAD_LETTER_HEADERS.failedAt),
    key: message.key,
    value: message.value,
    headers: Object.fromEntries(
      Object.entries(headers).filter(([name]) => !DEAD_LETTER_HEADER_NAMES.has(name)),
    ),
  };
}

/**
 * Every message on a dead-letter topic, from the beginning to the end it has now: the offsets
 * are read first and the read stops there, so it ends however busy the topic is. A consumer
 * group of its own is used and deleted afterwards; it commits nothing that matters.
 */
export async function readDeadLetters(kafka: Kafka, topic: string): Promise<DeadLetterRecord[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = new Map(
      (await admin.fetchTopicOffsets(topic))
        .filter(({ high, low }) => BigInt(high) > BigInt(low))
        .map(({ partition, high }) => [partition, BigInt(high)]),
    );
    if (ends.size === 0) {
      return [];
    }
    const groupId = `dlq-reader-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100, sessionTimeout: 6000 });
    const records: DeadLetterRecord[] = [];
    const remaining = new Set(ends.keys());
    await consumer.connect();
    try {
      await new Promise<void>((resolve, reject) => {
        consumer
          .subscribe({ topics: [topic], fromBeginning: true })
          .then(() =>
            consumer.run({
              autoCommit: false,
              eachMessage: ({ partition, message }) => {
                const end = ends.get(partition);
                if (end !== undefined && BigInt(message.offset) < end) {
                  records.push(toDeadLetterRecord(topic, partition, message));
                }
                if (end === undefined || BigInt(message.offset) + 1n >= end) {
                  remaining.delete(partition);
                  if (remaining.size === 0) {
                    resolve();
                  }
                }
                return Promise.resolve();
              },
            }),
          )
          .catch(reject);
      });
    } finally {
      await consumer.disconnect();
      await admin.deleteGroups([groupId]).catch(() => undefined);
    }
    return records.sort(
      (a, b) =>
        a.deadLetterPartition - b.deadLetterPartition ||
        Number(BigInt(a.deadLetterOffset) - BigInt(b.deadLetterOffset)),
    );
  } finally {
    await admin.disconnect();
  }
}

/**
 * Sends dead letters back to the topics they came from, as they were (key, bytes and headers,
 * without the dead-letter headers). Consumers record the event ids they handled, so replaying
 * an event they did handle after all changes nothing. Each event id is sent once per call.
 */
export async function replayDeadLetters(
  kafka: Kafka,
  letters: readonly DeadLetterRecord[],
): Promise<DeadLetterRecord[]> {
  const seen = new Set<string>();
  const replayable = letters.filter((letter) => {
    if (letter.sourceTopic === undefined) {
      return false;
    }
    const identity = letter.eventId ?? `${letter.deadLetterPartition}:${letter.deadLetterOffset}`;
    if (seen.has(identity)) {
      return false;
    }
    seen.add(identity);
    return true;
  });
  if (replayable.length === 0) {
    return [];
  }
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    for (const letter of replayable) {
      await producer.send({
        topic: letter.sourceTopic!,
        acks: -1,
        messages: [{ key: letter.key, value: letter.value, headers: letter.headers }],
      });
    }
  } finally {
    await producer.disconnect();
  }
  return replayable;
}

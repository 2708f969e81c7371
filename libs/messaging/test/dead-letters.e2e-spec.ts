import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import type { Kafka, KafkaMessage } from 'kafkajs';
import {
  DEAD_LETTER_HEADERS,
  deadLetterMessage,
  deadLetterTopic,
  ensureTopics,
  readDeadLetters,
} from '#messaging';
import { createTestTopic, testInfra, testKafka, TopicRecorder, uniqueName } from '#testing';

const run = promisify(execFile);

/** `npm run dlq -- …`, as an operator runs it. */
async function dlq(...args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run(
    process.execPath,
    [
      '--conditions=development',
      '--import',
      '@swc-node/register/esm-register',
      'scripts/dlq.ts',
      ...args,
    ],
    { env: { ...process.env, KAFKA_BROKERS: testInfra.kafkaBrokers.join(',') } },
  );
}

describe('dead letters: npm run dlq list, show and replay (real Kafka)', () => {
  let kafka: Kafka;
  let source: string;
  let deadLetters: string;
  let recorder: TopicRecorder | undefined;

  /** A message as the consumer dead-letters it, in the format of dead-letter.ts. */
  async function deadLetter(type: string, offset: string): Promise<string> {
    const id = randomUUID();
    const original: KafkaMessage = {
      key: Buffer.from(`thing-${offset}`),
      value: Buffer.from(JSON.stringify({ id, type, specversion: '1.0', data: { offset } })),
      headers: { 'content-type': 'application/cloudevents+json; charset=UTF-8' },
      offset,
      timestamp: String(Date.now()),
      attributes: 0,
    };
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: deadLetters,
      messages: [
        deadLetterMessage(original, {
          reason: `handler failed for ${type}`,
          consumer: 'dlq-test',
          topic: source,
          partition: 2,
          offset,
          attempts: 5,
        }),
      ],
    });
    await producer.disconnect();
    return id;
  }

  beforeEach(async () => {
    kafka = testKafka();
    source = await createTestTopic(kafka, 'dlq-source');
    deadLetters = deadLetterTopic(uniqueName('dlq-group'));
    await ensureTopics(kafka, [{ topic: deadLetters, numPartitions: 1 }]);
  });

  afterEach(async () => {
    await recorder?.close();
    recorder = undefined;
  });

  it('reads a dead-letter topic to its current end and stops, with the dead-letter headers', async () => {
    expect(await readDeadLetters(kafka, deadLetters)).toEqual([]);
    const first = await deadLetter('sample.thing-happened.v1', '7');
    const second = await deadLetter('sample.thing-noted.v1', '8');

    const letters = await readDeadLetters(kafka, deadLetters);
    expect(letters.map((letter) => letter.eventId)).toEqual([first, second]);
    expect(letters[0]).toMatchObject({
      type: 'sample.thing-happened.v1',
      sourceTopic: source,
      sourcePartition: 2,
      sourceOffset: '7',
      reason: 'handler failed for sample.thing-happened.v1',
      attempts: 5,
      consumer: 'dlq-test',
    });
    expect(letters[0]?.failedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(Object.keys(letters[0]!.headers)).toEqual(['content-type']);
  });

  it('lists, shows and replays by id and by type to the source topic, the same event', async () => {
    const happened = await deadLetter('sample.thing-happened.v1', '7');
    const noted = await deadLetter('sample.thing-noted.v1', '8');
    recorder = await TopicRecorder.start(kafka, [source]);

    const listed = JSON.parse((await dlq('list', '--topic', deadLetters)).stdout) as {
      eventId: string;
      source: string;
      reason: string;
    }[];
    expect(listed).toEqual([
      expect.objectContaining({
        eventId: happened,
        type: 'sample.thing-happened.v1',
        source: `${source}/2@7`,
        reason: 'handler failed for sample.thing-happened.v1',
        attempts: 5,
      }),
      expect.objectContaining({ eventId: noted, source: `${source}/2@8` }),
    ]);

    const [shown] = JSON.parse((await dlq('show', noted, '--topic', deadLetters)).stdout) as {
      value: string;
      headers: Record<string, string>;
    }[];
    expect(JSON.parse(shown!.value)).toMatchObject({ id: noted, type: 'sample.thing-noted.v1' });

    await dlq('replay', '--id', happened, '--topic', deadLetters);
    const [first] = await recorder.waitForCount(source, 1);
    expect(first?.json<{ id: string }>().id).toBe(happened);
    expect(first?.key).toBe('thing-7');
    expect(first?.headers).toEqual({
      'content-type': 'application/cloudevents+json; charset=UTF-8',
    });
    expect(Object.keys(first!.headers)).not.toContain(DEAD_LETTER_HEADERS.reason);

    await dlq('replay', '--type', 'sample.thing-noted.v1', '--topic', deadLetters);
    const messages = await recorder.waitForCount(source, 2);
    expect(messages.map((m) => m.json<{ id: string }>().id)).toEqual([happened, noted]);
    // Replaying leaves the dead letters where they are, to be replayed again if need be.
    expect(await readDeadLetters(kafka, deadLetters)).toHaveLength(2);
  });

  it('refuses a replay that names no selection, and a show of an unknown id', async () => {
    await deadLetter('sample.thing-happened.v1', '1');
    await expect(dlq('replay', '--topic', deadLetters)).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('exactly one of --id, --type or --all') as string,
    });
    await expect(dlq('show', randomUUID(), '--topic', deadLetters)).rejects.toMatchObject({
      code: 2,
    });
  });
});

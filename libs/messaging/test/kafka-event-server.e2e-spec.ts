import { Controller, Inject, type INestMicroservice } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import type { Kafka, Producer } from 'kafkajs';
import type { DataSource, QueryRunner } from 'typeorm';
import type { EventEnvelope, EventOf } from '#contracts';
import {
  DEAD_LETTER_HEADERS,
  deadLetterTopic,
  EventContext,
  eventHandlerDecorator,
  EventPublisher,
  KafkaEventServer,
  OutboxRelay,
  ProcessedEvent,
  type ConsumeOutcome,
} from '#messaging';
import { ConflictError, NotFoundError, schemaOf } from '#platform';
import {
  createTestDataSource,
  createTestTopic,
  sampleEvents,
  testKafka,
  TopicRecorder,
  uniqueName,
  waitFor,
  type SampleEventMap,
  type SampleEvents,
} from '#testing';

type ThingHappened = EventOf<SampleEventMap, 'sample.thing-happened.v1'>;
const OnSampleEvent = eventHandlerDecorator<SampleEventMap>();

const FLAKY = Symbol('flaky');

@Controller()
class SampleHandlers {
  constructor(@Inject(FLAKY) private readonly flaky: Set<string>) {}

  @OnSampleEvent('sample.thing-happened.v1')
  async onThingHappened(event: ThingHappened, context: EventContext): Promise<void> {
    const schema = schemaOf(context.manager.connection);
    // The effect is written first, so a later failure shows that it rolled back.
    await context.manager.query(
      `INSERT INTO "${schema}".effect (event_id, thing_id, seq) VALUES ($1, $2, $3)`,
      [event.id, event.data.thingId, event.data.seq],
    );
    if (event.data.note === 'always fails') {
      throw new Error('the handler cannot process this thing');
    }
    if (event.data.note === 'refused') {
      throw new ConflictError('the thing was already closed');
    }
    if (event.data.note === 'names nothing') {
      throw new NotFoundError(`thing ${event.data.thingId} not found`);
    }
    if (event.data.note === 'fails once' && !this.flaky.has(event.id)) {
      this.flaky.add(event.id);
      throw new Error('a passing failure');
    }
  }
}

describe('Kafka event server (real PostgreSQL and Kafka)', () => {
  let kafka: Kafka;
  let dataSource: DataSource & { drop(): Promise<void> };
  let topic: string;
  let events: SampleEvents;
  let consumer: string;
  let producer: Producer;
  let recorder: TopicRecorder;
  let app: INestMicroservice | undefined;
  const outcomes: ConsumeOutcome[] = [];

  async function startConsumer(controllers: unknown[] = [SampleHandlers]): Promise<void> {
    const moduleRef = await Test.createTestingModule({
      controllers: controllers as never[],
      providers: [{ provide: FLAKY, useValue: new Set<string>() }],
    }).compile();
    app = moduleRef.createNestMicroservice({
      strategy: new KafkaEventServer({
        registry: events,
        kafka,
        dataSource,
        consumer,
        maxAttempts: 3,
        retryInitialMs: 20,
        sessionTimeoutMs: 6000,
        maxWaitTimeInMs: 100,
        onOutcome: (outcome) => outcomes.push(outcome),
      }),
      logger: false,
    });
    await app.listen();
  }

  function envelope(thingId: string, seq: number, note?: string): ThingHappened {
    return events.build(
      'sample.thing-happened.v1',
      { thingId, seq, ...(note ? { note } : {}) },
      { correlationId: 'test' },
    );
  }

  async function send(key: string, value: string): Promise<void> {
    await producer.send({ topic, acks: -1, messages: [{ key, value }] });
  }

  async function effects(): Promise<{ event_id: string; thing_id: string; seq: number }[]> {
    return dataSource.query(
      `SELECT event_id, thing_id, seq FROM "${schemaOf(dataSource)}".effect ORDER BY seq`,
    );
  }

  beforeEach(async () => {
    kafka = testKafka();
    dataSource = await createTestDataSource();
    await dataSource.query(
      `CREATE TABLE "${schemaOf(dataSource)}".effect (event_id uuid NOT NULL, thing_id text NOT NULL, seq int NOT NULL)`,
    );
    topic = await createTestTopic(kafka, 'consumer');
    events = sampleEvents(topic);
    consumer = uniqueName('consumer').replaceAll('_', '-');
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    outcomes.length = 0;
  });

  afterEach(async () => {
    await app?.close();
    app = undefined;
    await recorder?.close();
    await producer.disconnect();
    await dataSource.drop();
  });

  it('dead-letters a malformed message and a message whose handler always throws, then handles the next one', async () => {
    await startConsumer();
    recorder = await TopicRecorder.start(kafka, [deadLetterTopic(consumer)]);
    // One key, so all three are on one partition, in this order.
    await send('body-1', '{"specversion": "1.0", "type": "sample.thing-happened.v1", ');
    const poisoned = envelope('body-1', 1, 'always fails');
    await send('body-1', JSON.stringify(poisoned));
    const good = envelope('body-1', 2);
    await send('body-1', JSON.stringify(good));

    await waitFor('the good event to be handled', async () => (await effects()).length === 1);
    expect(await effects()).toEqual([{ event_id: good.id, thing_id: 'body-1', seq: 2 }]);

    const letters = await recorder.waitForCount(deadLetterTopic(consumer), 2);
    const [malformed, failing] = letters;
    expect(malformed?.headers[DEAD_LETTER_HEADERS.reason]).toMatch(
      /^Invalid event: \(root\): Not JSON/,
    );
    expect(malformed?.headers[DEAD_LETTER_HEADERS.attempts]).toBe('0');
    expect(failing?.headers[DEAD_LETTER_HEADERS.reason]).toBe(
      'the handler cannot process this thing',
    );
    expect(failing?.headers[DEAD_LETTER_HEADERS.attempts]).toBe('3');
    expect(failing?.json()).toEqual(poisoned); // the original message, untouched
    for (const letter of letters) {
      expect(letter.key).toBe('body-1');
      expect(letter.headers[DEAD_LETTER_HEADERS.topic]).toBe(topic);
      expect(letter.headers[DEAD_LETTER_HEADERS.consumer]).toBe(consumer);
    }
    expect(Number(failing?.headers[DEAD_LETTER_HEADERS.offset])).toBe(
      Number(malformed?.headers[DEAD_LETTER_HEADERS.offset]) + 1,
    );
    expect(outcomes.filter((o) => o === 'dead-lettered')).toHaveLength(2);
    // The failed handler's effects were rolled back each time.
    expect((await effects()).map((row) => row.event_id)).not.toContain(poisoned.id);
  });

  it('dead-letters an event that breaks its contract, naming the field', async () => {
    await startConsumer();
    recorder = await TopicRecorder.start(kafka, [deadLetterTopic(consumer)]);
    const valid = envelope('body-2', 1);
    await send('body-2', JSON.stringify({ ...valid, data: { thingId: 'body-2', seq: 'one' } }));
    await send('body-2', JSON.stringify(envelope('body-2', 2)));
    const [letter] = await recorder.waitForCount(deadLetterTopic(consumer), 1);
    expect(letter?.headers[DEAD_LETTER_HEADERS.reason]).toMatch(
      /^Invalid event sample\.thing-happened\.v1: data\.seq: /,
    );
    await waitFor('the next event to be handled', async () => (await effects()).length === 1);
  });

  it('skips a refused command at once, and dead-letters one naming nothing without retrying', async () => {
    await startConsumer();
    recorder = await TopicRecorder.start(kafka, [deadLetterTopic(consumer)]);
    const refused = envelope('body-6', 1, 'refused');
    await send('body-6', JSON.stringify(refused));
    const unknown = envelope('body-6', 2, 'names nothing');
    await send('body-6', JSON.stringify(unknown));
    const good = envelope('body-6', 3);
    await send('body-6', JSON.stringify(good));
    await waitFor('the good event to be handled', async () => (await effects()).length === 1);
    expect(outcomes).toEqual(['skipped', 'dead-lettered', 'handled']);
    // The refused command changed nothing, yet counts as processed: a redelivery is a duplicate.
    expect((await effects()).map((row) => row.event_id)).toEqual([good.id]);
    const processed = await dataSource.getRepository(ProcessedEvent).findBy({ consumer });
    expect(processed.map((row) => row.eventId).sort()).toEqual([refused.id, good.id].sort());
    const [letter] = await recorder.waitForCount(deadLetterTopic(consumer), 1);
    expect(letter?.headers[DEAD_LETTER_HEADERS.reason]).toBe('thing body-6 not found');
    expect(letter?.headers[DEAD_LETTER_HEADERS.attempts]).toBe('1');
  });

  it('retries a failing handler with its effects rolled back, and handles it once', async () => {
    await startConsumer();
    const flaky = envelope('body-3', 7, 'fails once');
    await send('body-3', JSON.stringify(flaky));
    await waitFor('the event to be handled', async () => (await effects()).length === 1);
    expect(outcomes).toEqual(['retried', 'handled']);
    expect(await effects()).toEqual([{ event_id: flaky.id, thing_id: 'body-3', seq: 7 }]);
  });

  it('gives a redelivered event no second effect', async () => {
    await startConsumer();
    const event = envelope('body-4', 1);
    await send('body-4', JSON.stringify(event));
    await send('body-4', JSON.stringify(event));
    const marker = envelope('body-4', 2);
    await send('body-4', JSON.stringify(marker));
    await waitFor('the marker to be handled', async () =>
      (await effects()).some((row) => row.seq === 2),
    );
    expect((await effects()).map((row) => row.seq)).toEqual([1, 2]);
    expect(outcomes).toEqual(['handled', 'duplicate', 'handled']);
    expect(await dataSource.getRepository(ProcessedEvent).countBy({ consumer })).toBe(2);
  });

  it('has no second effect when a relay died between sending and marking and a second relay sent again', async () => {
    class DiesBeforeMarking extends OutboxRelay {
      protected override markPublished(_runner: QueryRunner): Promise<void> {
        return Promise.reject(new Error('relay process killed'));
      }
    }
    recorder = await TopicRecorder.start(kafka, [topic]);
    await startConsumer();
    const published = await dataSource.transaction((manager) =>
      new EventPublisher(events, schemaOf(dataSource)).publish(
        manager,
        'sample.thing-happened.v1',
        { thingId: 'body-5', seq: 1 },
      ),
    );
    const dying = new DiesBeforeMarking({
      dataSource,
      kafka,
      pollIntervalMs: 100_000,
    });
    await dying.start();
    await recorder.waitForCount(topic, 1);
    // A crash: no final drain.
    await dying.stop({ drain: false });
    const relay = new OutboxRelay({ dataSource, kafka, pollIntervalMs: 100 });
    await relay.start();
    try {
      await recorder.waitForCount(topic, 2);
      await waitFor('both copies to be consumed', () => outcomes.length >= 2);
    } finally {
      await relay.stop();
    }
    expect(recorder.on(topic).map((m) => m.json<EventEnvelope>().id)).toEqual([
      published.id,
      published.id,
    ]);
    expect(outcomes).toEqual(['handled', 'duplicate']);
    expect(await effects()).toEqual([{ event_id: published.id, thing_id: 'body-5', seq: 1 }]);
  });

  it('refuses to start with a handler for an event type no contract declares', async () => {
    @Controller()
    class Misnamed {
      // A raw pattern: the typed decorator would not compile with a misspelt type.
      @EventPattern<string>('sample.thing-hapened.v1')
      handle(): void {}
    }
    await expect(startConsumer([Misnamed])).rejects.toThrow(
      /@EventPattern\('sample\.thing-hapened\.v1'\) names no event type in the contracts/,
    );
  });
});

import { KafkaJSConnectionError, KafkaJSNumberOfRetriesExceeded, type Kafka } from 'kafkajs';
import { IsNull, type DataSource, type QueryRunner } from 'typeorm';
import type { EventEnvelope } from '#contracts';
import { schemaOf } from '#platform';
import {
  EventPublisher,
  listParked,
  OutboxMessage,
  OutboxRelay,
  requeueParked,
  type OutboxRelayOptions,
  type ParkedRow,
} from '#messaging';
import {
  createTestDataSource,
  createTestTopic,
  sampleEvents,
  testKafka,
  TopicRecorder,
  waitFor,
  type SampleEvents,
} from '#testing';

type TestDataSource = DataSource & { drop(): Promise<void> };

describe('outbox relay (real PostgreSQL and Kafka)', () => {
  let kafka: Kafka;
  let dataSource: TestDataSource;
  let topic: string;
  let events: SampleEvents;
  let recorder: TopicRecorder;
  const relays: OutboxRelay[] = [];

  function startRelay(options: Partial<OutboxRelayOptions> = {}, Relay = OutboxRelay): OutboxRelay {
    const relay = new Relay({
      dataSource,
      kafka,
      pollIntervalMs: 200,
      ...options,
    });
    relays.push(relay);
    return relay;
  }

  async function publish(thingId: string, seq: number, note?: string): Promise<EventEnvelope> {
    return dataSource.transaction((manager) =>
      new EventPublisher(events, schemaOf(dataSource)).publish(
        manager,
        'sample.thing-happened.v1',
        { thingId, seq, ...(note ? { note } : {}) },
        { correlationId: 'test-correlation' },
      ),
    );
  }

  beforeEach(async () => {
    kafka = testKafka();
    dataSource = await createTestDataSource();
    topic = await createTestTopic(kafka, 'outbox');
    events = sampleEvents(topic);
    recorder = await TopicRecorder.start(kafka, [topic]);
  });

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((relay) => relay.stop()));
    await recorder.close();
    await dataSource.drop();
  });

  it('publishes a committed event and never one whose transaction rolled back', async () => {
    await expect(
      dataSource.transaction(async (manager) => {
        await new EventPublisher(events, schemaOf(dataSource)).publish(
          manager,
          'sample.thing-happened.v1',
          { thingId: 'rolled-back', seq: 1 },
        );
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const committed = await publish('committed', 2);
    await startRelay().start();

    const [message] = await recorder.waitForCount(topic, 1);
    expect(message?.key).toBe('committed');
    expect(message?.headers['content-type']).toMatch(/^application\/cloudevents\+json/);
    expect(message?.json()).toEqual(committed);
    // The rolled-back event has no outbox row, so nothing can ever send it.
    expect(await dataSource.getRepository(OutboxMessage).count()).toBe(1);
    const row = await waitFor('the row to be marked published', async () => {
      const found = await dataSource
        .getRepository(OutboxMessage)
        .findOneByOrFail({ eventId: committed.id });
      return found.publishedAt !== null && found;
    });
    expect(row.publishedAt).toBeInstanceOf(Date);
    expect(recorder.on(topic).map((m) => m.key)).not.toContain('rolled-back');
  });

  it('wakes on commit through LISTEN/NOTIFY, without waiting for the poll', async () => {
    const relay = startRelay({ pollIntervalMs: 600_000 });
    await relay.start();
    await recorder.waitForCount(topic, 0);
    const started = Date.now();
    await publish('prompt', 1);
    await recorder.waitForCount(topic, 1, 10_000);
    expect(Date.now() - started).toBeLessThan(600_000);
    expect(recorder.on(topic)[0]?.key).toBe('prompt');
  });

  it('refuses to publish outside a transaction and refuses an invalid payload, naming the field', async () => {
    const publisher = new EventPublisher(events, schemaOf(dataSource));
    await expect(
      publisher.publish(dataSource.manager, 'sample.thing-happened.v1', { thingId: 'x', seq: 1 }),
    ).rejects.toThrow(/must be published with the EntityManager of the transaction/);
    await expect(
      dataSource.transaction((manager) =>
        publisher.publish(manager, 'sample.thing-happened.v1', { thingId: '', seq: -1 }),
      ),
    ).rejects.toThrow(/data\.thingId: .*; data\.seq: /);
    expect(await dataSource.getRepository(OutboxMessage).count()).toBe(0);
  });

  it('sends again after a relay dies between sending and marking, and the row ends marked', async () => {
    class DiesBeforeMarking extends OutboxRelay {
      sent = 0;
      protected override async send(...args: Parameters<OutboxRelay['send']>): Promise<void> {
        await super.send(...args);
        this.sent += 1;
      }
      protected override markPublished(_runner: QueryRunner): Promise<void> {
        return Promise.reject(new Error('relay process killed'));
      }
    }
    const event = await publish('crash', 1);
    const dying = startRelay({}, DiesBeforeMarking) as DiesBeforeMarking;
    await dying.start();
    await recorder.waitForCount(topic, 1);
    // A crash: no final drain.
    await dying.stop({ drain: false });
    expect(dying.sent).toBeGreaterThanOrEqual(1);
    expect(
      (await dataSource.getRepository(OutboxMessage).findOneByOrFail({ eventId: event.id }))
        .publishedAt,
    ).toBeNull();

    await startRelay().start();
    await recorder.waitForCount(topic, dying.sent + 1);
    await waitFor(
      'the row to be marked',
      async () =>
        (await dataSource.getRepository(OutboxMessage).findOneByOrFail({ eventId: event.id }))
          .publishedAt !== null,
    );
    const ids = recorder.on(topic).map((m) => m.json<EventEnvelope>().id);
    expect(new Set(ids)).toEqual(new Set([event.id])); // the same event, sent more than once
  });

  it('two relays publish every row exactly once, in order per key', async () => {
    const keys = Array.from({ length: 12 }, (_, i) => `body-${i}`);
    const perKey = 40;
    // Interleaved writes, several events per transaction, like concurrent requests.
    for (let seq = 0; seq < perKey; seq += 4) {
      await Promise.all(
        keys.map((key) =>
          dataSource.transaction(async (manager) => {
            const publisher = new EventPublisher(events, schemaOf(dataSource));
            for (let step = 0; step < 4; step += 1) {
              await publisher.publish(manager, 'sample.thing-happened.v1', {
                thingId: key,
                seq: seq + step,
              });
            }
          }),
        ),
      );
    }
    const total = keys.length * perKey;
    const counts = [0, 0];
    const [first, second] = [0, 1].map((index) =>
      startRelay({
        batchSize: 25,
        onPublished: (batch) => (counts[index]! += batch.length),
      }),
    );
    await Promise.all([first!.start(), second!.start()]);

    const messages = await recorder.waitForCount(topic, total, 60_000);
    await waitFor(
      'both relays to go idle',
      async () =>
        (await dataSource.getRepository(OutboxMessage).countBy({ publishedAt: IsNull() })) === 0,
    );
    expect(messages).toHaveLength(total);
    const ids = messages.map((m) => m.json<EventEnvelope>().id);
    expect(new Set(ids).size).toBe(total);
    for (const key of keys) {
      const seqs = messages
        .filter((m) => m.key === key)
        .map((m) => m.json<EventEnvelope<string, { seq: number }>>().data.seq);
      expect(seqs).toEqual(Array.from({ length: perKey }, (_, i) => i));
    }
    expect(counts[0]! + counts[1]!).toBe(total);
  });

  it('sends what is pending when it stops, so a short-lived process loses no event', async () => {
    const relay = startRelay({ pollIntervalMs: 600_000 });
    await relay.start();
    // Written without NOTIFY and with the poll ten minutes away: only the final drain sends it.
    const event = events.build(
      'sample.thing-happened.v1',
      { thingId: 'last-words', seq: 1 },
      { correlationId: 'test' },
    );
    await dataSource.getRepository(OutboxMessage).insert({
      eventId: event.id,
      topic,
      messageKey: event.subject,
      eventType: event.type,
      envelope: event,
    });
    await relay.stop();
    const [message] = await recorder.waitForCount(topic, 1);
    expect(message?.json<EventEnvelope>().id).toBe(event.id);
  });

  it('parks a row Kafka refuses for good (too large for the broker) and relays the rows around it', async () => {
    const before = await publish('before', 1);
    // Over the broker's message.max.bytes (1 MiB by default): Kafka will never take it.
    const tooLarge = await publish('too-large', 2, 'x'.repeat(1_200_000));
    const after = await publish('after', 3);
    const parked: ParkedRow[] = [];
    await startRelay({ batchSize: 10, onParked: (rows) => parked.push(...rows) }).start();

    const messages = await recorder.waitForCount(topic, 2);
    expect(messages.map((m) => m.json<EventEnvelope>().id)).toEqual([before.id, after.id]);
    const row = await waitFor('the too-large row to be parked', async () => {
      const found = await dataSource
        .getRepository(OutboxMessage)
        .findOneByOrFail({ eventId: tooLarge.id });
      return found.parkedAt !== null && found;
    });
    expect(row.publishedAt).toBeNull();
    expect(row.parkReason).toMatch(/MESSAGE_TOO_LARGE|RECORD_LIST_TOO_LARGE/);
    expect(parked.map((p) => p.eventId)).toEqual([tooLarge.id]);
    expect(await listParked(dataSource)).toEqual([
      expect.objectContaining({ eventId: tooLarge.id, topic, messageKey: 'too-large' }),
    ]);
    // Later rows keep flowing past the parked one, on its key too.
    const later = await publish('too-large', 4);
    await recorder.waitForCount(topic, 3);
    expect(recorder.on(topic)[2]?.json<EventEnvelope>().id).toBe(later.id);
  });

  it('re-queues a parked row once its cause is fixed, and it is sent', async () => {
    const event = await publish('invalid-topic', 1);
    // An illegal topic name: the broker refuses it for good.
    await dataSource
      .getRepository(OutboxMessage)
      .update({ eventId: event.id }, { topic: 'not a valid topic!' });
    await startRelay().start();
    await waitFor(
      'the row to be parked',
      async () =>
        (await dataSource.getRepository(OutboxMessage).findOneByOrFail({ eventId: event.id }))
          .parkedAt !== null,
    );
    const [parkedRow] = await listParked(dataSource);
    expect(parkedRow?.parkReason).toMatch(/INVALID_TOPIC_EXCEPTION|invalid topic/i);

    await dataSource.getRepository(OutboxMessage).update({ eventId: event.id }, { topic });
    expect(await requeueParked(dataSource, event.id)).toBe(true);
    const [message] = await recorder.waitForCount(topic, 1);
    expect(message?.json<EventEnvelope>().id).toBe(event.id);
    expect(await listParked(dataSource)).toEqual([]);
    expect(await requeueParked(dataSource, event.id)).toBe(false);
  });

  it('keeps rows pending, never parked, while Kafka fails them for a passing reason', async () => {
    const event = await publish('outage', 1);
    class BrokerDown extends OutboxRelay {
      attempts = 0;
      protected override send(): Promise<void> {
        this.attempts += 1;
        // What kafkajs throws once its retries against a broker that is down run out.
        const down = new KafkaJSConnectionError('Connection error: connect ECONNREFUSED');
        return Promise.reject(
          new KafkaJSNumberOfRetriesExceeded(down, { retryCount: 10, retryTime: 1000 }),
        );
      }
    }
    const relay = startRelay({}, BrokerDown) as BrokerDown;
    await relay.start();
    await waitFor('several failed attempts', () => relay.attempts >= 3);
    await relay.stop({ drain: false });
    const row = await dataSource
      .getRepository(OutboxMessage)
      .findOneByOrFail({ eventId: event.id });
    expect(row.parkedAt).toBeNull();
    expect(row.publishedAt).toBeNull();
    expect(await listParked(dataSource)).toEqual([]);
  });

  it('prunes published rows past retention and keeps pending ones', async () => {
    await publish('old', 1);
    await publish('pending', 2);
    const repository = dataSource.getRepository(OutboxMessage);
    await repository.update(
      { messageKey: 'old' },
      { publishedAt: new Date(Date.now() - 8 * 24 * 3600 * 1000) },
    );
    const relay = startRelay({ retentionMs: 7 * 24 * 3600 * 1000 });
    expect(await relay.prune()).toBe(1);
    expect((await repository.find()).map((row) => row.messageKey)).toEqual(['pending']);
  });
});

import { randomBytes } from 'node:crypto';
import type { Kafka, KafkaMessage } from 'kafkajs';
import { Redis } from 'ioredis';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { platformEvents, type EventEnvelope } from '#contracts';
import { createKafka, ensureTopics, messagingEntities, messagingMigrations } from '#messaging';
import { createServiceDataSource, runMigrations } from '#platform';

type Constructor = new (...args: never[]) => object;
import { waitFor } from './wait-for.js';

/** Where the integration tests find the infrastructure `npm run infra:up` starts. */
export const testInfra = {
  databaseUrl:
    process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/cancer_network_test',
  kafkaBrokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
  redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
};

/** A name no other test run uses: a schema, topic or consumer group of its own. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

export function testKafka(clientId = 'test'): Kafka {
  return createKafka({
    brokers: testInfra.kafkaBrokers,
    clientId,
    log: () => {},
  });
}

export async function createTestTopic(
  kafka: Kafka,
  prefix: string,
  numPartitions = 3,
): Promise<string> {
  const topic = uniqueName(prefix).replaceAll('_', '-');
  await ensureTopics(kafka, [{ topic, numPartitions }]);
  return topic;
}

/**
 * Every platform topic under a prefix of the run's own (`KAFKA_TOPIC_PREFIX`), so a test's
 * services publish and consume there and never into the development topics.
 */
export async function isolatedTopicPrefix(kafka: Kafka, run: string): Promise<string> {
  const prefix = `${run}.`;
  await ensureTopics(
    kafka,
    platformEvents.withTopicPrefix(prefix).topics.map((topic) => ({ topic })),
  );
  return prefix;
}

/**
 * A migrated data source on a fresh schema, with the messaging tables; `drop()` removes
 * the schema and closes the connection.
 */
export async function createTestDataSource(
  options: {
    schema?: string;
    entities?: Constructor[];
    migrations?: Constructor[];
    poolSize?: number;
  } = {},
): Promise<DataSource & { drop(): Promise<void> }> {
  const schema = options.schema ?? uniqueName('t');
  const dataSource = createServiceDataSource({
    url: testInfra.databaseUrl,
    schema,
    entities: [...messagingEntities, ...(options.entities ?? [])],
    migrations: [...messagingMigrations, ...(options.migrations ?? [])],
    poolSize: options.poolSize ?? 5,
  });
  await dataSource.initialize();
  await runMigrations(dataSource);
  return Object.assign(dataSource, {
    async drop(): Promise<void> {
      if (dataSource.isInitialized) {
        await dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await dataSource.destroy();
      }
    },
  });
}

export interface ReceivedMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: string | null;
  readonly headers: Record<string, string>;
  readonly json: <T = unknown>() => T;
}

/** Reads topics from the beginning into memory for a test to assert on. */
export class TopicRecorder {
  readonly messages: ReceivedMessage[] = [];

  private constructor(private readonly stop: () => Promise<void>) {}

  static async start(kafka: Kafka, topics: readonly string[]): Promise<TopicRecorder> {
    const consumer = kafka.consumer({
      groupId: uniqueName('recorder'),
      maxWaitTimeInMs: 100,
      sessionTimeout: 6000,
      heartbeatInterval: 1000,
    });
    const recorder = new TopicRecorder(() => consumer.disconnect());
    await consumer.connect();
    await consumer.subscribe({ topics: [...topics], fromBeginning: true });
    await consumer.run({
      eachMessage: ({ topic, partition, message }) => {
        recorder.messages.push(toReceived(topic, partition, message));
        return Promise.resolve();
      },
    });
    return recorder;
  }

  on(topic: string): ReceivedMessage[] {
    return this.messages.filter((message) => message.topic === topic);
  }

  /** The event envelopes on a topic of one type, in the order they arrived. */
  events<TData = Record<string, unknown>>(
    topic: string,
    type: string,
  ): EventEnvelope<string, TData>[] {
    return this.on(topic)
      .map((message) => message.json<EventEnvelope<string, TData>>())
      .filter((event) => event.type === type);
  }

  async waitForCount(topic: string, count: number, timeoutMs?: number): Promise<ReceivedMessage[]> {
    return waitFor(
      `${count} message(s) on ${topic} (have ${this.on(topic).length})`,
      () => this.on(topic).length >= count && this.on(topic),
      timeoutMs === undefined ? {} : { timeoutMs },
    );
  }

  async close(): Promise<void> {
    await this.stop();
  }
}

function toReceived(topic: string, partition: number, message: KafkaMessage): ReceivedMessage {
  const value = message.value?.toString('utf8') ?? null;
  const headers: Record<string, string> = {};
  for (const [name, header] of Object.entries(message.headers ?? {})) {
    headers[name] = Array.isArray(header) ? header.map(String).join(',') : String(header);
  }
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString('utf8') ?? null,
    value,
    headers,
    json: <T>() => JSON.parse(value ?? 'null') as T,
  };
}

/**
 * The environment a service under test runs with: the test database in a schema of its own,
 * the run's topic prefix, the test's identity server (or a shared test key), no daily job and
 * quiet logs.
 */
export function serviceTestEnv(
  service: string,
  options: {
    schema: string;
    /** Shared-key tokens (the older tests); give `identity` instead to trust a real server. */
    secret?: string;
    identity?: { serviceEnv(): Record<string, string> };
    prefix?: string;
    logLevel?: string;
  },
): Record<string, string> {
  return {
    NODE_ENV: 'test',
    SERVICE_NAME: service,
    DATABASE_URL: testInfra.databaseUrl,
    DATABASE_SCHEMA: options.schema,
    KAFKA_BROKERS: testInfra.kafkaBrokers.join(','),
    ...(options.prefix === undefined ? {} : { KAFKA_TOPIC_PREFIX: options.prefix }),
    ...(options.identity
      ? options.identity.serviceEnv()
      : { AUTH_JWT_SECRET: options.secret ?? 'a-test-secret-that-is-long-enough-0123' }),
    DAILY_CHECK_ENABLED: 'false',
    // Tests send bursts no person would; the limits themselves are tested on their own.
    RATE_LIMIT_PER_MINUTE: '100000',
    RATE_LIMIT_STRICT_PER_MINUTE: '10000',
    LOG_LEVEL: options.logLevel ?? 'silent',
  };
}

/** Deletes every Redis key under a BullMQ prefix: what a flush does to one run's queues. */
export async function deleteRedisKeys(prefix: string): Promise<number> {
  const redis = new Redis(testInfra.redisUrl);
  try {
    const keys = await redis.keys(`${prefix}:*`);
    // In slices: a queue of 100,000 jobs has as many keys, more than one call's arguments hold.
    let deleted = 0;
    for (let start = 0; start < keys.length; start += 1000) {
      deleted += await redis.del(...keys.slice(start, start + 1000));
    }
    return deleted;
  } finally {
    await redis.quit();
  }
}

/**
 * Closes a run's service apps (the first one's connection is reopened afterwards) and drops the
 * run's schema: the apps first, so no relay or consumer is still writing when the schema goes.
 */
export async function closeAppsDroppingSchema(
  apps: readonly INestApplication[],
  schema: string,
): Promise<void> {
  const dataSource = apps[0]?.get(DataSource);
  for (const app of [...apps].reverse()) {
    await app.close();
  }
  if (dataSource) {
    await dataSource.initialize();
    await dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await dataSource.destroy();
  }
}

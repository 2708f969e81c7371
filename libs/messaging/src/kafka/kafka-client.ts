import { Kafka, logLevel, type ITopicConfig, type LogEntry } from 'kafkajs';

/**
 * The one place the platform creates Kafka clients. kafkajs has had no release since 2023;
 * keeping it behind this file lets a KafkaJS-compatible client replace it in one place.
 */
export interface KafkaClientOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  /** Receives the client's own warnings and errors; defaults to stderr as JSON. */
  readonly log?: (entry: { level: 'error' | 'warn'; message: string; detail: object }) => void;
}

export function createKafka(options: KafkaClientOptions): Kafka {
  const log =
    options.log ??
    ((entry) => process.stderr.write(`${JSON.stringify({ ...entry, component: 'kafkajs' })}\n`));
  return new Kafka({
    clientId: options.clientId,
    brokers: [...options.brokers],
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log: { message, ...detail } }: LogEntry) => {
        // The relay and dead-letter producers bound their retries on purpose (a broker outage
        // must fail a batch, not hold its row locks forever); consumers are idempotent, so
        // kafkajs's warning about it at every start says nothing new.
        if (message.startsWith('Limiting retries for the idempotent producer')) {
          return;
        }
        log({
          level: level <= logLevel.ERROR ? 'error' : 'warn',
          message,
          detail,
        });
      },
    retry: { initialRetryTime: 100, retries: 8 },
  });
}

export interface TopicSpec {
  readonly topic: string;
  readonly numPartitions?: number;
}

/** Creates the topics that do not exist yet (the broker never creates topics on its own). */
export async function ensureTopics(
  kafka: Kafka,
  topics: readonly TopicSpec[],
  defaults: { numPartitions: number; replicationFactor: number } = {
    numPartitions: 3,
    replicationFactor: 1,
  },
): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing: ITopicConfig[] = topics
      .filter(({ topic }) => !existing.has(topic))
      .map(({ topic, numPartitions }) => ({
        topic,
        numPartitions: numPartitions ?? defaults.numPartitions,
        replicationFactor: defaults.replicationFactor,
      }));
    if (missing.length > 0) {
      await admin.createTopics({ topics: missing, waitForLeaders: true });
    }
    return missing.map(({ topic }) => topic);
  } finally {
    await admin.disconnect();
  }
}

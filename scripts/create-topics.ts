// Creates every service's event topic (auto-creation is off on the broker). Idempotent.
import { platformEvents } from '#contracts';

const registry = platformEvents.withTopicPrefix(process.env.KAFKA_TOPIC_PREFIX ?? '');
import { createKafka, ensureTopics } from '#messaging';

const kafka = createKafka({
  brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
  clientId: 'infra-topics',
});
const created = await ensureTopics(
  kafka,
  registry.topics.map((topic) => ({ topic })),
  {
    numPartitions: Number(process.env.KAFKA_TOPIC_PARTITIONS ?? 3),
    replicationFactor: Number(process.env.KAFKA_REPLICATION_FACTOR ?? 1),
  },
);
process.stderr.write(
  `[infra] topics: ${registry.topics.length} known${created.length ? `, created ${created.join(', ')}` : ''}\n`,
);

// Creates every service's event topic and every consumer group's dead-letter topic (auto-creation
// is off on the broker), with the configured replication factor. Idempotent.
import { platformEvents } from '#contracts';
import { createKafka, deadLetterTopic, ensureTopics } from '#messaging';
import { consumerGroups } from './consumer-groups.js';

const prefix = process.env.KAFKA_TOPIC_PREFIX ?? '';
const registry = platformEvents.withTopicPrefix(prefix);
const kafka = createKafka({
  brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
  clientId: 'infra-topics',
});
// One partition, as the consumers create it when it is missing: a dead-letter topic is small
// and read in order by `npm run dlq`.
const deadLetters = consumerGroups().map((group) => ({
  topic: deadLetterTopic(`${prefix}${group}`),
  numPartitions: 1,
}));
const topics = [...registry.topics.map((topic) => ({ topic })), ...deadLetters];
const created = await ensureTopics(kafka, topics, {
  numPartitions: Number(process.env.KAFKA_TOPIC_PARTITIONS ?? 3),
  replicationFactor: Number(process.env.KAFKA_REPLICATION_FACTOR ?? 1),
});
process.stderr.write(
  `[infra] topics: ${registry.topics.length} event and ${deadLetters.length} dead-letter topics known${created.length ? `, created ${created.join(', ')}` : ''}\n`,
);

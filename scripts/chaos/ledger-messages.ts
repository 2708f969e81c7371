import type { Kafka } from 'kafkajs';
import { DEAD_LETTER_HEADERS, deadLetterTopic } from '#messaging';
import { finding, type LedgerFinding, type LedgerInput } from './ledger-finding.js';

/**
 * Every poison message is dead-lettered with its reason by each group that reads its topic
 * (one about a subject nobody registered may instead wait parked, or be skipped), and nothing
 * else is: a valid event on a dead-letter topic is an escalation lost to a fault.
 */
export async function poison(input: LedgerInput): Promise<LedgerFinding[]> {
  const admin = input.kafka.admin();
  await admin.connect();
  const readers = new Map<string, string[]>();
  try {
    for (const group of input.groups) {
      for (const { topic } of await admin.fetchOffsets({ groupId: group })) {
        readers.set(topic, [...(readers.get(topic) ?? []), group]);
      }
    }
  } finally {
    await admin.disconnect();
  }
  const letters = new Map<string, Map<string, string>>();
  const unexpected: string[] = [];
  for (const group of input.groups) {
    const read = await readDeadLetters(input.kafka, deadLetterTopic(group));
    letters.set(group, new Map(read.map((letter) => [letter.key, letter.reason])));
    for (const letter of read.filter((entry) => !entry.key.startsWith('poison-'))) {
      unexpected.push(`${group} dead-lettered ${letter.key}: ${letter.reason}`);
    }
  }
  const missing: string[] = [];
  let lettered = 0;
  for (const message of input.poison) {
    for (const group of readers.get(message.topic) ?? []) {
      if (letters.get(group)?.has(message.key)) {
        lettered += 1;
      } else if (message.kind !== 'unknown-subject') {
        missing.push(
          `${message.kind} ${message.key} on ${message.topic}: not dead-lettered by ${group}`,
        );
      }
    }
  }
  return [
    finding(
      'every poison message is dead-lettered with its reason',
      { published: input.poison.length, 'dead letters': lettered, missing: missing.length },
      missing,
    ),
    finding('no valid event was dead-lettered', { lost: unexpected.length }, unexpected),
  ];
}

async function readDeadLetters(
  kafka: Kafka,
  topic: string,
): Promise<{ key: string; reason: string }[]> {
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
  const end = offsets.reduce((sum, partition) => sum + Number(partition.high), 0);
  const found: { key: string; reason: string }[] = [];
  if (end === 0) {
    return found;
  }
  const consumer = kafka.consumer({ groupId: `chaos-ledger-${topic}-${Date.now()}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let seen = 0;
  await new Promise<void>((resolve) => {
    void consumer.run({
      eachMessage: ({ message }) => {
        seen += 1;
        found.push({
          key: message.key?.toString() ?? '(no key)',
          reason: message.headers?.[DEAD_LETTER_HEADERS.reason]?.toString() ?? '(no reason)',
        });
        if (seen >= end) {
          resolve();
        }
        return Promise.resolve();
      },
    });
  });
  await consumer.disconnect();
  return found;
}

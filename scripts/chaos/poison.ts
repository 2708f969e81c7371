import { randomUUID } from 'node:crypto';
import type { Kafka, Message } from 'kafkajs';
import { CLOUDEVENTS_CONTENT_TYPE, platformEvents } from '#contracts';

/** What a poison message is; the key of each says which, so the ledger can find it again. */
export const POISON_KINDS = [
  'bad-json',
  'wrong-version',
  'missing-fields',
  'oversized',
  'unknown-type',
  'unknown-subject',
] as const;
export type PoisonKind = (typeof POISON_KINDS)[number];

export interface PoisonSent {
  topic: string;
  key: string;
  kind: PoisonKind;
}

/**
 * The poison corpus: `perTopic` messages on every platform topic, spread over the kinds above.
 * All but `unknown-subject` can never be decoded, so each consuming group dead-letters them
 * with a reason; `unknown-subject` messages are valid breaches of a body nobody registered,
 * which the workflow parks (waiting for the body) or skips.
 */
export async function publishPoison(kafka: Kafka, perTopic: number): Promise<PoisonSent[]> {
  const producer = kafka.producer();
  await producer.connect();
  const sent: PoisonSent[] = [];
  try {
    for (const topic of platformEvents.topics) {
      const messages: Message[] = [];
      for (let index = 0; index < perTopic; index += 1) {
        const kind = topic.startsWith('performance')
          ? POISON_KINDS[index % POISON_KINDS.length]!
          : POISON_KINDS[index % (POISON_KINDS.length - 1)]!;
        const key = `poison-${kind}-${randomUUID()}`;
        messages.push({
          key,
          value: poisonValue(kind, topic),
          headers: { 'content-type': CLOUDEVENTS_CONTENT_TYPE },
        });
        sent.push({ topic, key, kind });
      }
      // In requests under the broker's 1 MB limit: an oversized message goes on its own.
      let batch: Message[] = [];
      let bytes = 0;
      for (const message of messages) {
        const size = String(message.value).length;
        if (batch.length > 0 && (bytes + size > 500_000 || batch.length >= 50)) {
          await producer.send({ topic, messages: batch, acks: -1 });
          batch = [];
          bytes = 0;
        }
        batch.push(message);
        bytes += size;
      }
      if (batch.length > 0) {
        await producer.send({ topic, messages: batch, acks: -1 });
      }
    }
  } finally {
    await producer.disconnect();
  }
  return sent;
}

function envelope(type: string, data: unknown, subject = randomUUID()): Record<string, unknown> {
  return {
    specversion: '1.0',
    id: randomUUID(),
    type,
    source: '/cancer-network/chaos',
    subject,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    correlationid: `chaos-${randomUUID()}`,
    data,
  };
}

function poisonValue(kind: PoisonKind, topic: string): string {
  const service = topic.split('.')[0]!;
  switch (kind) {
    case 'bad-json':
      return `{"specversion":"1.0","id":"${randomUUID()}",`;
    case 'wrong-version':
      return JSON.stringify(envelope(`${service}.standard-breached.v99`, {}));
    case 'missing-fields':
      return JSON.stringify(envelope('performance.standard-breached.v1', { standard: 'fds-28' }));
    case 'oversized':
      return JSON.stringify(
        envelope('performance.standard-breached.v1', { padding: 'x'.repeat(400_000) }),
      );
    case 'unknown-type':
      return JSON.stringify(envelope(`${service}.nothing-known.v1`, { anything: true }));
    case 'unknown-subject': {
      const allianceId = randomUUID();
      const months = [
        { period: '2026-02', total: 100, within: 50, breaches: 50, value: 0.5, target: 0.75 },
        { period: '2026-03', total: 100, within: 50, breaches: 50, value: 0.5, target: 0.75 },
      ];
      return JSON.stringify(
        envelope(
          'performance.standard-breached.v1',
          {
            allianceId,
            allianceCode: 'NOPE',
            tumourSite: 'lung',
            bodyId: randomUUID(),
            standard: 'fds-28',
            period: '2026-03',
            value: 0.5,
            target: 0.75,
            gap: 0.25,
            monthsToBreach: 2,
            months,
          },
          `${allianceId}:lung:fds-28`,
        ),
      );
    }
  }
}

import type { DataSource } from 'typeorm';
import type { EventEnvelope } from '#contracts';
import type { TopicRecorder } from './test-infra.js';
import { waitFor } from './wait-for.js';

/**
 * Waits until every outbox row of a service's schema is on Kafka and the recorder has seen it
 * on the topic, so counts of recorded events are final (a missing event fails, an extra one
 * would already be there).
 */
export async function outboxDelivered(options: {
  dataSource: DataSource;
  schema: string;
  recorder: TopicRecorder;
  topic: string;
}): Promise<void> {
  const { dataSource, schema, recorder, topic } = options;
  const ids = await waitFor('the outbox to drain', async () => {
    const rows = await dataSource.query<{ event_id: string; published_at: Date | null }[]>(
      `SELECT event_id, published_at FROM "${schema}".outbox_message`,
    );
    return rows.every((r) => r.published_at !== null) && rows.map((r) => r.event_id);
  });
  await waitFor('the recorder to catch up', () => {
    const seen = new Set(recorder.on(topic).map((m) => m.json<EventEnvelope>().id));
    return ids.every((id) => seen.has(id));
  });
}

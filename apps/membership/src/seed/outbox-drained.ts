import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import { schemaOf } from '#platform';

/**
 * Waits until the outbox relay has sent every pending event to Kafka. A short-lived process
 * (the seed command) calls this before closing, because closing stops the relay and would
 * leave the rest of the events in the outbox until the service itself next runs.
 */
export async function waitForOutboxDrained(
  dataSource: DataSource,
  { timeoutMs = 60_000, intervalMs = 200 } = {},
): Promise<void> {
  const schema = schemaOf(dataSource);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows: { pending: number }[] = await dataSource.query(
      `SELECT count(*)::int AS pending FROM "${schema}"."outbox_message" WHERE published_at IS NULL`,
    );
    const pending = rows[0]?.pending ?? 0;
    if (pending === 0) {
      return;
    }
    if (Date.now() >= deadline) {
      throw new Error(
        `${pending} event(s) were still unpublished in "${schema}".outbox_message after ` +
          `${timeoutMs / 1000} s: is Kafka reachable (KAFKA_BROKERS)? They stay in the outbox, ` +
          `and the membership service's relay sends them when it next runs.`,
      );
    }
    await sleep(intervalMs);
  }
}

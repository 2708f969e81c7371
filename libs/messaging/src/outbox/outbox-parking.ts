import { IsNull, Not, type DataSource } from 'typeorm';
import { schemaOf } from '#platform';
import { recordAudit } from '../audit/record-audit.js';
import { outboxChannel } from './event-publisher.js';
import { OutboxMessage } from './outbox-message.entity.js';

/** A parked row as admins see it: what it is, where it was going, and why Kafka refused it. */
export interface ParkedMessage {
  readonly id: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly topic: string;
  readonly messageKey: string;
  readonly createdAt: Date;
  readonly parkedAt: Date;
  readonly parkReason: string;
}

/** The schema's parked outbox rows, oldest first (without their envelopes, which may be huge). */
export async function listParked(
  dataSource: DataSource,
  page: { limit?: number; offset?: number } = {},
): Promise<ParkedMessage[]> {
  const rows = await dataSource.getRepository(OutboxMessage).find({
    select: {
      id: true,
      eventId: true,
      eventType: true,
      topic: true,
      messageKey: true,
      createdAt: true,
      parkedAt: true,
      parkReason: true,
    },
    where: { parkedAt: Not(IsNull()) },
    order: { id: 'ASC' },
    take: page.limit ?? 100,
    skip: page.offset ?? 0,
  });
  return rows.map((row) => ({
    id: row.id,
    eventId: row.eventId,
    eventType: row.eventType,
    topic: row.topic,
    messageKey: row.messageKey,
    createdAt: row.createdAt,
    parkedAt: row.parkedAt!,
    parkReason: row.parkReason ?? '',
  }));
}

/** How many rows are parked in the schema. */
export async function countParked(dataSource: DataSource): Promise<number> {
  return dataSource.getRepository(OutboxMessage).countBy({ parkedAt: Not(IsNull()) });
}

/**
 * Puts a parked row (by its event id) back in line, audited as `outbox.requeued`, and wakes the relays; false
 * when no such row is parked. Kafka refusing it again parks it again. The event keeps its id,
 * so a consumer that somehow had it already ignores it.
 */
export async function requeueParked(dataSource: DataSource, eventId: string): Promise<boolean> {
  const schema = schemaOf(dataSource);
  return dataSource.transaction(async (manager) => {
    const requeued = await manager.query<[{ id: string; topic: string }[], number]>(
      `UPDATE "${schema}"."outbox_message" SET parked_at = NULL, park_reason = NULL
       WHERE event_id = $1 AND parked_at IS NOT NULL AND published_at IS NULL
       RETURNING id::text AS id, topic`,
      [eventId],
    );
    const [row] = requeued[0];
    if (row === undefined) {
      return false;
    }
    await recordAudit(manager, schema, {
      action: 'outbox.requeued',
      changes: { id: row.id, eventId, topic: row.topic },
    });
    await manager.query(`SELECT pg_notify($1, '')`, [outboxChannel(schema)]);
    return true;
  });
}

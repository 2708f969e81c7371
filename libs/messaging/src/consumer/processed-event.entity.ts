import { Column, Entity, Index, PrimaryColumn, type DataSource } from 'typeorm';

/**
 * An event a consumer has handled, recorded in the same transaction as the handler's
 * effects: a redelivered event finds its row and has no second effect. Rows older than the
 * retention window are pruned (ProcessedEventPruner), by the index on `processed_at`.
 */
@Entity({ name: 'processed_event' })
@Index('processed_event_processed_at_idx', ['processedAt'])
export class ProcessedEvent {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  consumer!: string;

  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ name: 'event_type', type: 'varchar', length: 200 })
  eventType!: string;

  @Column({ name: 'processed_at', type: 'timestamptz', default: () => 'now()' })
  processedAt!: Date;
}

/** A skipped event counts as processed, so a redelivery is a duplicate, not a second try. */
export async function recordSkipped(
  manager: Pick<DataSource, 'query'>,
  schema: string,
  consumer: string,
  event: { id: string; type: string },
): Promise<void> {
  await manager.query(
    `INSERT INTO "${schema}"."processed_event" (consumer, event_id, event_type)
     VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
    [consumer, event.id, event.type],
  );
}

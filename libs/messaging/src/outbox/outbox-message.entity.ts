import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An event waiting for (or past) relay to Kafka, written in the same transaction as the
 * change that caused it. The bigint id orders a service's events; the relay keeps that
 * order per message key (a parked row drops out of it: it is sent when re-queued).
 */
@Entity({ name: 'outbox_message' })
@Index('outbox_message_event_id_key', ['eventId'], { unique: true })
@Index('outbox_message_pending_idx', ['id'], { where: 'published_at IS NULL' })
@Index('outbox_message_pending_key_idx', ['topic', 'messageKey', 'id'], {
  where: 'published_at IS NULL',
})
@Index('outbox_message_published_at_idx', ['publishedAt'], {
  where: 'published_at IS NOT NULL',
})
@Index('outbox_message_parked_idx', ['id'], { where: 'parked_at IS NOT NULL' })
export class OutboxMessage {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ type: 'varchar', length: 249 })
  topic!: string;

  @Column({ name: 'message_key', type: 'varchar', length: 200 })
  messageKey!: string;

  @Column({ name: 'event_type', type: 'varchar', length: 200 })
  eventType!: string;

  /** The whole CloudEvents envelope, as it will be the Kafka message value. */
  @Column({ type: 'jsonb' })
  envelope!: object;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  /**
   * When the relay set the row aside because Kafka refuses it for good (too large, an invalid
   * topic), so that the rows after it flow; an admin re-queues it once the cause is fixed.
   */
  @Column({ name: 'parked_at', type: 'timestamptz', nullable: true })
  parkedAt!: Date | null;

  @Column({ name: 'park_reason', type: 'varchar', length: 2000, nullable: true })
  parkReason!: string | null;

  /**
   * The W3C `traceparent` of the work that wrote the row (null while tracing is off); the relay
   * sends the event in that trace.
   */
  @Column({ name: 'trace_parent', type: 'varchar', length: 55, nullable: true })
  traceParent!: string | null;

  @Column({ name: 'trace_state', type: 'varchar', length: 512, nullable: true })
  traceState!: string | null;
}

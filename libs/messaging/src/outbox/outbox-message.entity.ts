import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An event waiting for (or past) relay to Kafka, written in the same transaction as the
 * change that caused it. The bigint id orders a service's events; the relay keeps that
 * order per message key.
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
}

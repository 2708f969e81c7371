import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An event a consumer could not handle yet because what it names is not known here yet (another
 * service's event about it has not arrived), or because an earlier event of the same key is
 * parked. It is kept, with the raw message, until a later try succeeds: the partition moves on
 * meanwhile, and a parked event is never dead-lettered for waiting.
 */
@Entity({ name: 'parked_event' })
@Index('parked_event_due_idx', ['consumer', 'nextRetryAt'])
@Index('parked_event_key_idx', ['consumer', 'sourceTopic', 'messageKey', 'sourceOffset'])
export class ParkedEvent {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  consumer!: string;

  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ name: 'event_type', type: 'varchar', length: 200 })
  eventType!: string;

  @Column({ name: 'source_topic', type: 'varchar', length: 249 })
  sourceTopic!: string;

  @Column({ name: 'source_partition', type: 'int' })
  sourcePartition!: number;

  @Column({ name: 'source_offset', type: 'bigint' })
  sourceOffset!: string;

  @Column({ name: 'message_key', type: 'varchar', length: 1000, nullable: true })
  messageKey!: string | null;

  /** The message exactly as Kafka gave it, re-decoded on each try. */
  @Column({ name: 'message_value', type: 'bytea' })
  messageValue!: Buffer;

  @Column({ name: 'message_headers', type: 'jsonb' })
  messageHeaders!: Record<string, string>;

  @Column({ type: 'varchar', length: 2000 })
  reason!: string;

  /** What it waits for when the handler said (`body:<id>`, `event:<id>`...). */
  @Column({ name: 'waits_for', type: 'varchar', length: 300, nullable: true })
  waitsFor!: string | null;

  @Column({ name: 'parked_at', type: 'timestamptz', default: () => 'now()' })
  parkedAt!: Date;

  /** Tries so far, the one that parked it included. */
  @Column({ type: 'int' })
  attempts!: number;

  @Column({ name: 'next_retry_at', type: 'timestamptz' })
  nextRetryAt!: Date;
}

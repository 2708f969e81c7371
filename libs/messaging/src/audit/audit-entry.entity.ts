import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One write, as the service's audit log keeps it: who acted, what they did, what it touched and
 * the fields it set. Written in the transaction of the write itself (by the publisher for every
 * event, by `recordAudit` for writes that publish none), and never changed afterwards: the
 * table refuses UPDATE and DELETE.
 */
@Entity({ name: 'audit_entry' })
// A GIN index (made by the migration), which TypeORM cannot describe: it leaves it alone.
@Index('audit_entry_targets_idx', { synchronize: false })
@Index('audit_entry_actor_idx', ['actor', 'at'])
export class AuditEntry {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  /** `member:<id>`, `user:<subject>`, `service:<subject>` or `system` (see `actorOf`). */
  @Column({ type: 'varchar', length: 300 })
  actor!: string;

  /** The event type published, or the name of a write that publishes none. */
  @Column({ type: 'varchar', length: 200 })
  action!: string;

  /** Every identifier the write names (the payload's `…Id` fields), so each finds it. */
  @Column({ type: 'varchar', array: true })
  targets!: string[];

  /** The fields the write set, as it set them. */
  @Column({ type: 'jsonb' })
  changes!: Record<string, unknown>;

  @Column({ name: 'correlation_id', type: 'varchar', length: 128 })
  correlationId!: string;

  /** The event this write was made in answer to, when one was. */
  @Column({ name: 'causation_id', type: 'uuid', nullable: true })
  causationId!: string | null;

  /** The event the write published, when it published one. */
  @Column({ name: 'event_id', type: 'uuid', nullable: true })
  eventId!: string | null;
}

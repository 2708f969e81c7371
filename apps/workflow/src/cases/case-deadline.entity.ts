import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A case's deadline or reminder at a level: the truth the timers are armed from. A timer
 * firing re-reads this row and does nothing when it is settled or the case has moved on.
 */
@Entity({ name: 'case_deadline' })
@Index('case_deadline_due_idx', ['dueAt'], { where: 'settled_at IS NULL' })
export class CaseDeadline {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  level!: string;

  /** `acknowledge`, `table`, `resolve`, or a reminder such as `resolve@0.5`. */
  @PrimaryColumn({ type: 'varchar', length: 30 })
  kind!: string;

  /** The last day, and the instant it ends (17:00 UK time). */
  @Column({ name: 'due_on', type: 'date' })
  dueOn!: string;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  /** When its BullMQ job was added; the sweep adds jobs for rows without one. */
  @Column({ name: 'armed_at', type: 'timestamptz', nullable: true })
  armedAt!: Date | null;

  /** Fired, met or cancelled; null while it still matters. */
  @Column({ name: 'settled_at', type: 'timestamptz', nullable: true })
  settledAt!: Date | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  outcome!: 'fired' | 'stale' | 'cancelled' | null;
}

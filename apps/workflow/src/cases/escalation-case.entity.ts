import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { CASE_STATUSES, ESCALATION_LEVELS, ESCALATION_SEVERITIES } from '#contracts';

/**
 * An escalation case: one issue, at the body that holds it now. One open case per subject
 * (a partial unique index), so a new trigger for the same subject updates the case.
 */
@Entity({ name: 'escalation_case' })
@Index('escalation_case_open_subject_key', ['subjectKey'], {
  unique: true,
  where: 'closed_at IS NULL',
})
@Index('escalation_case_body_idx', ['bodyId'])
export class EscalationCase {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'subject_key', type: 'varchar', length: 300 })
  subjectKey!: string;

  /** The kind of trigger that opened it, e.g. `standard-breached` or `manual`. */
  @Column({ type: 'varchar', length: 60 })
  kind!: string;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ name: 'alliance_id', type: 'uuid', nullable: true })
  allianceId!: string | null;

  @Column({ name: 'body_id', type: 'uuid' })
  bodyId!: string;

  @Column({ type: 'varchar', length: 10 })
  level!: (typeof ESCALATION_LEVELS)[number];

  @Column({ type: 'varchar', length: 20 })
  status!: (typeof CASE_STATUSES)[number];

  @Column({ type: 'varchar', length: 10 })
  severity!: (typeof ESCALATION_SEVERITIES)[number];

  /** Past a deadline at the top of the ladder, where there is nowhere higher to go. */
  @Column({ type: 'boolean', default: false })
  overdue!: boolean;

  /**
   * Set while a deadline falls after the last day its calendar's bank holidays are entered for
   * (cases/case-deadlines.ts, calendarGapOf); null otherwise.
   */
  @Column({ name: 'calendar_warning', type: 'varchar', length: 300, nullable: true })
  calendarWarning!: string | null;

  @Column({ type: 'int', default: 0 })
  deferrals!: number;

  @Column({ name: 'policy_version', type: 'int' })
  policyVersion!: number;

  /** The latest evidence: the trigger's figures, links, the reason given. */
  @Column({ type: 'jsonb' })
  evidence!: Record<string, unknown>;

  /** Every body the case has been held by, for who may see it. */
  @Column({ name: 'body_path', type: 'uuid', array: true })
  bodyPath!: string[];

  /** The hash of the newest history entry, so a cut from the end of the chain shows. */
  @Column({ name: 'head_hash', type: 'varchar', length: 64 })
  headHash!: string;

  @Column({ name: 'history_length', type: 'int' })
  historyLength!: number;

  @CreateDateColumn({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

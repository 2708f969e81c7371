import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CHAIRS_ACTION_OUTCOMES, RECORDER_CAPACITIES } from '#contracts';

/**
 * A decision the chair (or deputy chair) took for a body between meetings, under the urgency
 * provisions of its terms of reference. It stands as a decision at once and is listed for the
 * body's next meeting to ratify; the ratification is recorded here when the meeting decides.
 */
@Entity({ name: 'chairs_action' })
@Index('chairs_action_body_idx', ['bodyId', 'recordedAt'])
export class ChairsAction {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'chairs_action_pkey' })
  id!: string;

  @Column({ name: 'body_id', type: 'uuid' })
  bodyId!: string;

  /** What it concerns, e.g. an escalation case id; null for a matter of the body's own. */
  @Column({ name: 'external_reference', type: 'varchar', length: 200, nullable: true })
  externalReference!: string | null;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'varchar', length: 30 })
  outcome!: (typeof CHAIRS_ACTION_OUTCOMES)[number];

  @Column({ type: 'text' })
  rationale!: string;

  /** Who took it: their member id, else their account's token subject. */
  @Column({ name: 'recorded_by', type: 'varchar', length: 200 })
  recordedBy!: string;

  @Column({ name: 'recorded_capacity', type: 'varchar', length: 20 })
  recordedCapacity!: (typeof RECORDER_CAPACITIES)[number];

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;

  /** The agenda item that lists it for ratification; null until a meeting is scheduled. */
  @Column({ name: 'ratification_item_id', type: 'uuid', nullable: true })
  ratificationItemId!: string | null;

  /** Null until the meeting decides; then whether it ratified the action. */
  @Column({ type: 'boolean', nullable: true })
  ratified!: boolean | null;

  @Column({ name: 'ratification_decision_id', type: 'uuid', nullable: true })
  ratificationDecisionId!: string | null;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const AUDIT_STATUSES = ['planned', 'collecting', 'reported', 'closed'] as const;

/** A body's part in a clinical audit (e.g. the National Lung Cancer Audit) and who takes part. */
@Entity({ name: 'audit_participation' })
@Index('audit_participation_body_idx', ['bodyId'])
export class AuditParticipation {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'body_id', type: 'uuid' })
  bodyId!: string;

  @Column({ type: 'varchar', length: 300 })
  audit!: string;

  /** ODS codes of the organisations taking part. */
  @Column({ type: 'jsonb' })
  organisations!: string[];

  @Column({ type: 'varchar', length: 20 })
  status!: (typeof AUDIT_STATUSES)[number];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

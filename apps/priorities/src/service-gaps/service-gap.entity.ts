import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { RiskScore } from './risk.js';

export const GAP_STATUSES = ['open', 'mitigated', 'closed'] as const;

export interface Control {
  description: string;
  ownerMemberId: string | null;
  dueOn: string | null;
}

/** A gap in service or an unmet population need, with its NHS 5x5 risk. */
@Entity({ name: 'service_gap' })
@Index('service_gap_body_idx', ['bodyId'])
export class ServiceGap {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'body_id', type: 'uuid' })
  bodyId!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'text', nullable: true })
  population!: string | null;

  /** ODS codes of the organisations affected. */
  @Column({ name: 'organisations_affected', type: 'jsonb' })
  organisationsAffected!: string[];

  @Column({ name: 'initial_risk', type: 'jsonb' })
  initialRisk!: RiskScore;

  @Column({ name: 'current_risk', type: 'jsonb' })
  currentRisk!: RiskScore;

  @Column({ name: 'target_risk', type: 'jsonb' })
  targetRisk!: RiskScore;

  @Column({ type: 'jsonb' })
  controls!: Control[];

  @Column({ type: 'varchar', length: 20 })
  status!: (typeof GAP_STATUSES)[number];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { WorkforceStatus } from './workforce-status.js';

@Entity({ name: 'workforce_recommendation' })
@Index('workforce_recommendation_body_idx', ['bodyId'])
export class WorkforceRecommendation {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'body_id', type: 'uuid' })
  bodyId!: string;

  /** e.g. clinical nurse specialists, consultant radiologists. */
  @Column({ name: 'staff_group', type: 'varchar', length: 200 })
  staffGroup!: string;

  @Column({ name: 'shortfall_wte', type: 'numeric', precision: 7, scale: 2 })
  shortfallWte!: string;

  @Column({ type: 'text' })
  recommendation!: string;

  @Column({ name: 'estimated_cost', type: 'numeric', precision: 12, scale: 2, nullable: true })
  estimatedCost!: string | null;

  @Column({ name: 'funding_needed', type: 'boolean' })
  fundingNeeded!: boolean;

  @Column({ type: 'varchar', length: 20 })
  status!: WorkforceStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

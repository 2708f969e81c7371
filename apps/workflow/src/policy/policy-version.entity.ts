import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { EscalationPolicy } from './policy.schema.js';

/**
 * A version of the escalation policy. Versions are never edited: a change is a new version,
 * and each case stays pinned to the version it opened under.
 */
@Entity({ name: 'policy_version' })
export class PolicyVersion {
  @PrimaryColumn({ type: 'int' })
  version!: number;

  @Column({ type: 'jsonb' })
  policy!: EscalationPolicy;

  @Column({ name: 'created_by', type: 'varchar', length: 200 })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

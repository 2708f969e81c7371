import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const MILESTONE_STATUSES = ['pending', 'met', 'missed'] as const;

@Entity({ name: 'milestone' })
@Index('milestone_priority_idx', ['priorityId'])
@Index('milestone_pending_due_idx', ['dueOn'], { where: `status = 'pending'` })
export class Milestone {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'priority_id', type: 'uuid' })
  priorityId!: string;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ name: 'due_on', type: 'date' })
  dueOn!: string;

  @Column({ type: 'varchar', length: 10 })
  status!: (typeof MILESTONE_STATUSES)[number];

  @Column({ name: 'met_on', type: 'date', nullable: true })
  metOn!: string | null;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export const ACTION_STATUSES = ['open', 'completed'] as const;

/** Something a meeting asked a member to do, by a date. */
@Entity({ name: 'action' })
@Index('action_meeting_idx', ['meetingId'])
@Index('action_owner_idx', ['ownerMemberId', 'status'])
@Index('action_open_due_idx', ['dueOn'], { where: `status = 'open'` })
export class Action {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId!: string;

  @Column({ name: 'body_id', type: 'uuid' })
  bodyId!: string;

  @Column({ name: 'agenda_item_id', type: 'uuid', nullable: true })
  agendaItemId!: string | null;

  @Column({ type: 'text' })
  description!: string;

  @Column({ name: 'owner_member_id', type: 'uuid' })
  ownerMemberId!: string;

  @Column({ name: 'due_on', type: 'date' })
  dueOn!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: (typeof ACTION_STATUSES)[number];

  @Column({ name: 'completed_on', type: 'date', nullable: true })
  completedOn!: string | null;

  /** When action-overdue was announced, so the daily check announces it once. */
  @Column({ name: 'overdue_announced_on', type: 'date', nullable: true })
  overdueAnnouncedOn!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

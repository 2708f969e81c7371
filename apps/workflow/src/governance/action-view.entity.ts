import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An action from a meeting, until it is done: the daily check escalates one long overdue. */
@Entity({ name: 'action_view' })
@Index('action_view_open_idx', ['dueOn'], { where: 'completed_on IS NULL' })
export class ActionView {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId!: string;

  @Column({ name: 'body_id', type: 'uuid' })
  bodyId!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ name: 'owner_member_id', type: 'uuid' })
  ownerMemberId!: string;

  @Column({ name: 'due_on', type: 'date' })
  dueOn!: string;

  @Column({ name: 'completed_on', type: 'date', nullable: true })
  completedOn!: string | null;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A body's meeting as the meetings service announced it: the case detail shows the next one. */
@Entity({ name: 'meeting_view' })
@Index('meeting_view_body_idx', ['bodyId', 'startsAt'])
export class MeetingView {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'body_id', type: 'uuid' })
  bodyId!: string;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'boolean', default: false })
  cancelled!: boolean;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { MEETING_KINDS, PayloadOf, PlatformEventMap } from '#contracts';

export const MEETING_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
export const MINUTES_STATUSES = ['none', 'draft', 'approved'] as const;

@Entity({ name: 'meeting' })
@Index('meeting_body_starts_idx', ['bodyId', 'startsAt'])
export class Meeting {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'body_id', type: 'uuid' })
  bodyId!: string;

  @Column({ type: 'varchar', length: 40 })
  kind!: (typeof MEETING_KINDS)[number];

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ type: 'varchar', length: 300, nullable: true })
  location!: string | null;

  @Column({ name: 'online_url', type: 'varchar', length: 500, nullable: true })
  onlineUrl!: string | null;

  @Column({ type: 'varchar', length: 20 })
  status!: (typeof MEETING_STATUSES)[number];

  @Column({ name: 'series_id', type: 'uuid', nullable: true })
  seriesId!: string | null;

  /** Set when the meeting is recorded as held (computeQuorum in #contracts judges it). */
  @Column({ type: 'jsonb', nullable: true })
  quorum!: PayloadOf<PlatformEventMap, 'meetings.meeting-held.v1'>['quorum'] | null;

  @Column({ name: 'cancel_reason', type: 'varchar', length: 500, nullable: true })
  cancelReason!: string | null;

  @Column({ name: 'minutes_status', type: 'varchar', length: 20, default: 'none' })
  minutesStatus!: (typeof MINUTES_STATUSES)[number];

  @Column({ name: 'minutes_text', type: 'text', nullable: true })
  minutesText!: string | null;

  @Column({ name: 'minutes_approved_at_meeting_id', type: 'uuid', nullable: true })
  minutesApprovedAtMeetingId!: string | null;

  /** The day the secretariat was reminded that draft minutes were overdue; once per meeting. */
  @Column({ name: 'minutes_overdue_announced_on', type: 'date', nullable: true })
  minutesOverdueAnnouncedOn!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

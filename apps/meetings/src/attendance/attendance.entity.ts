import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ATTENDANCE_STATUSES } from '#contracts';

@Entity({ name: 'attendance' })
export class Attendance {
  @PrimaryColumn({ name: 'meeting_id', type: 'uuid' })
  meetingId!: string;

  @PrimaryColumn({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: (typeof ATTENDANCE_STATUSES)[number];

  /**
   * The voting member this attendee came in place of, as their nominated deputy; null for a
   * member attending in their own right. Counted for that member as the terms of reference say.
   */
  @Column({ name: 'deputising_for', type: 'uuid', nullable: true })
  deputisingFor!: string | null;
}

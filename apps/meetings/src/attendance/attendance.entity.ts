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
}

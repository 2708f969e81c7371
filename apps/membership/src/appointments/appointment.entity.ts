import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Exclusion,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { APPOINTMENT_END_REASONS, APPOINTMENT_ROLES } from '#contracts';
import { Body } from '../bodies/body.entity.js';
import { Member } from '../members/member.entity.js';

export const AGREED_TIME_UNITS = ['hours-per-week', 'programmed-activities-per-week'] as const;

/**
 * The time an appointment holds its role, as a half-open range of days: from the term
 * start, until the day it ended (stood down, succeeded) or the day after the term's last day.
 * Used by the exclusion constraint below and by "who holds the role on date D".
 */
export function appointmentPeriodSql(alias?: string): string {
  const column = (name: string) => (alias ? `${alias}.${name}` : name);
  return `daterange(${column('term_start')}, LEAST(${column('ended_on')}, ${column('term_end')} + 1), '[)')`;
}

@Entity({ name: 'appointment' })
@Index('appointment_body_role_idx', ['bodyId', 'role'])
@Index('appointment_member_idx', ['memberId'])
@Check('appointment_term_order_check', `term_end IS NULL OR term_end >= term_start`)
@Check('appointment_ended_after_start_check', `ended_on IS NULL OR ended_on >= term_start`)
// A body has at most one chair and one clinical lead on any day, whoever writes the rows.
@Exclusion(
  'appointment_single_holder_excl',
  `USING gist ("body_id" WITH =, "role" WITH =, (${appointmentPeriodSql()}) WITH &&) WHERE ("role" IN ('chair', 'clinical-lead'))`,
)
export class Appointment {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @ManyToOne(() => Member, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'member_id' })
  member?: Member;

  @Column({ name: 'body_id', type: 'uuid' })
  bodyId!: string;

  @ManyToOne(() => Body, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'body_id' })
  body?: Body;

  @Column({ type: 'varchar', length: 30 })
  role!: (typeof APPOINTMENT_ROLES)[number];

  @Column({ name: 'term_start', type: 'date' })
  termStart!: string;

  /** Last day of the term; null when open-ended. */
  @Column({ name: 'term_end', type: 'date', nullable: true })
  termEnd!: string | null;

  /** The first day the member no longer holds the role, once it has ended. */
  @Column({ name: 'ended_on', type: 'date', nullable: true })
  endedOn!: string | null;

  @Column({ name: 'end_reason', type: 'varchar', length: 20, nullable: true })
  endReason!: (typeof APPOINTMENT_END_REASONS)[number] | null;

  @Column({ name: 'agreed_time_unit', type: 'varchar', length: 40, nullable: true })
  agreedTimeUnit!: (typeof AGREED_TIME_UNITS)[number] | null;

  @Column({ name: 'agreed_time_amount', type: 'numeric', precision: 5, scale: 2, nullable: true })
  agreedTimeAmount!: string | null;

  @Column({ name: 'succeeds_appointment_id', type: 'uuid', nullable: true })
  succeedsAppointmentId!: string | null;

  /** When "term ending soon" was announced, so the daily check announces it once. */
  @Column({ name: 'term_ending_announced_on', type: 'date', nullable: true })
  termEndingAnnouncedOn!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { APPOINTMENT_ROLES } from '#contracts';

/** An appointment to a body, from membership's member-appointed and appointment-ended. */
@Entity({ name: 'seat' })
@Index('seat_body_idx', ['bodyId'])
@Index('seat_member_idx', ['memberId'])
export class Seat {
  @PrimaryColumn({ name: 'appointment_id', type: 'uuid' })
  appointmentId!: string;

  @Column({ name: 'body_id', type: 'uuid' })
  bodyId!: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @Column({ type: 'varchar', length: 30 })
  role!: (typeof APPOINTMENT_ROLES)[number];

  @Column({ name: 'term_start', type: 'date' })
  termStart!: string;

  /** Last day of the term; null when open-ended. */
  @Column({ name: 'term_end', type: 'date', nullable: true })
  termEnd!: string | null;

  /** First day out of the role, once ended. */
  @Column({ name: 'ended_on', type: 'date', nullable: true })
  endedOn!: string | null;
}

/** SQL for "the seat is held on a date": the `:on` parameter unless another date expression is given. */
export function seatHeldOnSql(alias: string, on = 'CAST(:on AS date)'): string {
  return `daterange(${alias}.term_start, LEAST(${alias}.ended_on, ${alias}.term_end + 1), '[)') @> ${on}`;
}

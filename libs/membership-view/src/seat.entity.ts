import { Column, Entity, Index, PrimaryColumn, type EntityManager } from 'typeorm';
import type { APPOINTMENT_ROLES } from '#contracts';
import type { Principal } from '#platform';

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

/** Whether a member sits on a body on a date, in one of `roles` when given. */
export async function holdsSeat(
  manager: EntityManager,
  seat: { bodyId: string; memberId: string; on: string; roles?: readonly Seat['role'][] },
): Promise<boolean> {
  const query = manager
    .createQueryBuilder(Seat, 's')
    .where('s.body_id = :bodyId AND s.member_id = :memberId', seat)
    .andWhere(seatHeldOnSql('s'), { on: seat.on });
  if (seat.roles) {
    query.andWhere('s.role IN (:...roles)', { roles: seat.roles });
  }
  return query.getExists();
}

/** Whether the member a token names sits on a body on a date, in one of `roles` when given. */
export async function principalHoldsSeat(
  manager: EntityManager,
  principal: Principal,
  seat: { bodyId: string; on: string; roles?: readonly Seat['role'][] },
): Promise<boolean> {
  return (
    principal.memberId !== undefined &&
    holdsSeat(manager, { ...seat, memberId: principal.memberId })
  );
}

/** Whether a principal may act for a body: an admin anywhere, otherwise a seated member (in `roles`). */
export async function mayActForBody(
  manager: EntityManager,
  principal: Principal,
  seat: { bodyId: string; on: string; roles?: readonly Seat['role'][] },
): Promise<boolean> {
  return principal.roles.includes('admin') || principalHoldsSeat(manager, principal, seat);
}

import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { RefusedError, type Principal } from '#platform';
import { Seat, seatHeldOnSql } from './seat.entity.js';

export interface SeatQuery {
  readonly bodyId: string;
  /** The day, YYYY-MM-DD, on which the seat must be held. */
  readonly on: string;
  /** Only these roles count; any role when absent. */
  readonly roles?: readonly Seat['role'][];
}

/**
 * Who may act for a body, read from the service's copy of membership: "an admin, or seated on
 * the body (in these roles) that day". Each method reads through `manager` when given, so a
 * check inside a transaction sees that transaction's state.
 */
@Injectable()
export class SeatAccessService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Whether a member sits on a body on a date, in one of `roles` when given. */
  async holdsSeat(
    seat: SeatQuery & { readonly memberId: string },
    manager: EntityManager = this.dataSource.manager,
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

  /** Whether the member a token names sits on the body. */
  async principalHoldsSeat(
    principal: Principal,
    seat: SeatQuery,
    manager?: EntityManager,
  ): Promise<boolean> {
    return (
      principal.memberId !== undefined &&
      this.holdsSeat({ ...seat, memberId: principal.memberId }, manager)
    );
  }

  /** Whether a principal may act for a body: an admin anywhere, otherwise a seated member. */
  async mayActForBody(
    principal: Principal,
    seat: SeatQuery,
    manager?: EntityManager,
  ): Promise<boolean> {
    return principal.roles.includes('admin') || this.principalHoldsSeat(principal, seat, manager);
  }

  /** Refuses, with `refusal` as the reason, a principal who may not act for the body. */
  async assertMayActForBody(
    principal: Principal,
    seat: SeatQuery,
    refusal: string,
    manager?: EntityManager,
  ): Promise<void> {
    if (!(await this.mayActForBody(principal, seat, manager))) {
      throw new RefusedError(refusal);
    }
  }
}

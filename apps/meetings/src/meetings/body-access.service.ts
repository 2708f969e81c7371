import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '#platform';
import { Seat, seatHeldOnSql } from '#membership-view';

const UK_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * Admins act for any body; anyone else records attendance and decisions only for a body they
 * sit on (by the member id in their token) on the day of the meeting.
 */
@Injectable()
export class BodyAccess {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async assertMayActFor(principal: Principal, bodyId: string, on: Date): Promise<void> {
    if (principal.roles.includes('admin')) {
      return;
    }
    const seated =
      principal.memberId !== undefined &&
      (await this.dataSource.manager
        .createQueryBuilder(Seat, 's')
        .where('s.body_id = :bodyId AND s.member_id = :memberId', {
          bodyId,
          memberId: principal.memberId,
        })
        .andWhere(seatHeldOnSql('s'), { on: UK_DAY.format(on) })
        .getExists());
    if (!seated) {
      throw new ForbiddenException(
        'Only an admin or a member of the body may record this for its meeting',
      );
    }
  }
}

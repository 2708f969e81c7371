import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { mayActForBody } from '#membership-view';
import { ukDate, type Principal } from '#platform';

/**
 * Admins act for any body; anyone else records attendance and decisions only for a body they
 * sit on (by the member id in their token) on the day of the meeting.
 */
@Injectable()
export class BodyAccess {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async assertMayActFor(principal: Principal, bodyId: string, on: Date): Promise<void> {
    if (!(await mayActForBody(this.dataSource.manager, principal, { bodyId, on: ukDate(on) }))) {
      throw new ForbiddenException(
        'Only an admin or a member of the body may record this for its meeting',
      );
    }
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { SeatAccessService } from '#membership-view';
import { ukDate, type Principal } from '#platform';

/**
 * Admins act for any body; anyone else records attendance and decisions only for a body they
 * sit on (by the member id in their token) on the day of the meeting.
 */
@Injectable()
export class BodyAccessService {
  constructor(@Inject(SeatAccessService) private readonly seats: SeatAccessService) {}

  async assertMayActFor(principal: Principal, bodyId: string, on: Date): Promise<void> {
    await this.seats.assertMayActForBody(
      principal,
      { bodyId, on: ukDate(on) },
      'Only an admin or a member of the body may record this for its meeting',
    );
  }
}

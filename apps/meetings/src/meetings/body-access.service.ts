import { Inject, Injectable } from '@nestjs/common';
import { SeatAccessService } from '#membership-view';
import { ukDate, type Principal } from '#platform';
import { MeetingsService } from './meetings.service.js';

/**
 * Admins act for any body; anyone else records attendance, decisions, actions and minutes only
 * for a body they sit on (by the member id in their token) on the day of the meeting.
 */
@Injectable()
export class BodyAccessService {
  constructor(
    @Inject(MeetingsService) private readonly meetings: MeetingsService,
    @Inject(SeatAccessService) private readonly seats: SeatAccessService,
  ) {}

  /** Refuses a principal who may not act for the meeting's body (not found when there is none). */
  async assertMayActForMeeting(principal: Principal, meetingId: string): Promise<void> {
    const meeting = await this.meetings.get(meetingId);
    await this.seats.assertMayActForBody(
      principal,
      { bodyId: meeting.bodyId, on: ukDate(meeting.startsAt) },
      'Only an admin or a member of the body may record this for its meeting',
    );
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { SeatAccessService } from '#membership-view';
import { Clock, type Principal } from '#platform';
import { MeetingsService } from './meetings.service.js';

/** The seats that run a body's meetings, as its terms of reference give them the secretariat. */
export const MEETING_OFFICERS = ['chair', 'deputy-chair', 'secretariat'] as const;

/**
 * Admins act for any body; otherwise attendance, holding, decisions, actions and minutes are
 * recorded by the body's chair, deputy chair or secretariat as they are today: a member or an
 * observer cannot decide for the body, and someone who has left it cannot act on past meetings.
 */
@Injectable()
export class BodyAccessService {
  constructor(
    @Inject(MeetingsService) private readonly meetings: MeetingsService,
    @Inject(SeatAccessService) private readonly seats: SeatAccessService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Refuses a principal who may not act for the meeting's body (not found when there is none). */
  async assertMayActForMeeting(principal: Principal, meetingId: string): Promise<void> {
    const meeting = await this.meetings.get(meetingId);
    await this.seats.assertMayActForBody(
      principal,
      { bodyId: meeting.bodyId, on: this.clock.today(), roles: MEETING_OFFICERS },
      "Only an admin or the body's chair, deputy chair or secretariat may record this for its meetings",
    );
  }
}

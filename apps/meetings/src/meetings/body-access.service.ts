import { Inject, Injectable } from '@nestjs/common';
import type { RECORDER_CAPACITIES } from '#contracts';
import { DataSource } from 'typeorm';
import { Seat, SeatAccessService, seatHeldOnSql } from '#membership-view';
import { Clock, RefusedError, type Principal } from '#platform';
import { MeetingsService } from './meetings.service.js';

/** The seats that run a body's meetings, as its terms of reference give them the secretariat. */
export const MEETING_OFFICERS = ['chair', 'deputy-chair', 'secretariat'] as const;

const REFUSAL =
  "Only an admin or the body's chair, deputy chair or secretariat may record this for its meetings";

/** Who acts for a body's meeting, and in what capacity: what a decision and its event record. */
export interface ActingOfficer {
  /** Null for an account linked to no member (an admin's, say). */
  readonly memberId: string | null;
  readonly subject: string;
  readonly capacity: (typeof RECORDER_CAPACITIES)[number];
}

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
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  /** Refuses a principal who may not run the body's meetings (an admin, or its officers today). */
  async assertMayActForBody(principal: Principal, bodyId: string): Promise<void> {
    await this.seats.assertMayActForBody(
      principal,
      { bodyId, on: this.clock.today(), roles: MEETING_OFFICERS },
      REFUSAL,
    );
  }

  /** Refuses a principal who may not act for the meeting's body (not found when there is none). */
  async assertMayActForMeeting(principal: Principal, meetingId: string): Promise<void> {
    const meeting = await this.meetings.get(meetingId);
    await this.seats.assertMayActForBody(
      principal,
      { bodyId: meeting.bodyId, on: this.clock.today(), roles: MEETING_OFFICERS },
      REFUSAL,
    );
  }

  /**
   * The capacity a principal acts in for the meeting's body: their officer seat today (the chair
   * before a deputy before the secretariat, should they hold several), else admin; refuses anyone
   * else as assertMayActForMeeting does.
   */
  async actingOfficer(principal: Principal, meetingId: string): Promise<ActingOfficer> {
    const meeting = await this.meetings.get(meetingId);
    return this.actingFor(principal, meeting.bodyId, MEETING_OFFICERS, REFUSAL);
  }

  /**
   * The capacity a principal takes a chair's action in: the body's chair or deputy chair today,
   * else an admin recording it for them. The secretariat records meetings, not the chair's
   * urgent decisions.
   */
  actingChair(principal: Principal, bodyId: string): Promise<ActingOfficer> {
    return this.actingFor(
      principal,
      bodyId,
      ['chair', 'deputy-chair'],
      "Only the body's chair or deputy chair (or an admin recording it for them) takes a chair's action",
    );
  }

  private async actingFor(
    principal: Principal,
    bodyId: string,
    roles: readonly (typeof MEETING_OFFICERS)[number][],
    refusal: string,
  ): Promise<ActingOfficer> {
    const acting = (capacity: ActingOfficer['capacity']): ActingOfficer => ({
      memberId: principal.memberId ?? null,
      subject: principal.sub,
      capacity,
    });
    for (const role of roles) {
      const seat = { bodyId, on: this.clock.today(), roles: [role] };
      if (await this.seats.principalHoldsSeat(principal, seat)) {
        return acting(role);
      }
    }
    if (principal.roles.includes('admin')) {
      return acting('admin');
    }
    throw new RefusedError(refusal);
  }

  /** Whether a principal reads all of a meeting's records: an admin, a service, or an officer. */
  async mayReadAllOfMeeting(principal: Principal, meetingId: string): Promise<boolean> {
    if (principal.roles.includes('service')) {
      return true;
    }
    const meeting = await this.meetings.get(meetingId);
    return this.seats.mayActForBody(principal, {
      bodyId: meeting.bodyId,
      on: this.clock.today(),
      roles: MEETING_OFFICERS,
    });
  }

  /** The bodies whose meetings the principal's member runs today (chair, deputy or secretariat). */
  async bodiesRunBy(principal: Principal): Promise<string[]> {
    if (principal.memberId === undefined) {
      return [];
    }
    const seats = await this.dataSource.manager
      .createQueryBuilder(Seat, 's')
      .select('DISTINCT s.body_id', 'bodyId')
      .where('s.member_id = :memberId', { memberId: principal.memberId })
      .andWhere('s.role IN (:...roles)', { roles: MEETING_OFFICERS })
      .andWhere(seatHeldOnSql('s'), { on: this.clock.today() })
      .getRawMany<{ bodyId: string }>();
    return seats.map((seat) => seat.bodyId);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { Between, DataSource, In } from 'typeorm';
import { Clock, notFound } from '#platform';
import { BodyView, MemberView, Seat, seatHeldOnSql } from '#membership-view';
import { Meeting } from '../meetings/meeting.entity.js';
import { meetingToEvent, type CalendarEvent } from './calendar.ics.js';

/** Each meeting is judged by the seats of its own UK calendar day. */
const SEAT_HELD_ON_MEETING_DAY = seatHeldOnSql(
  's',
  "CAST(m.starts_at AT TIME ZONE 'Europe/London' AS date)",
);

/**
 * What a feed holds: the meetings from a year back to three years ahead, and at most
 * FEED_MEETINGS of them, so no feed grows with every meeting there ever was (a calendar app
 * keeps the events it has already seen).
 */
export const FEED_WINDOW = { pastDays: 366, futureDays: 3 * 366 } as const;
export const FEED_MEETINGS = 500;

/** A meeting as a member's list of their next meetings shows it. */
export interface UpcomingMeeting {
  id: string;
  bodyId: string;
  bodyName: string;
  kind: Meeting['kind'];
  title: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  status: Meeting['status'];
}

/** A feed's name and its events, ready to render. */
export interface CalendarFeed {
  name: string;
  events: CalendarEvent[];
}

/** The meetings a feed holds, read straight from the meetings and membership tables. */
@Injectable()
export class CalendarFeedsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  private window(): { from: Date; to: Date } {
    const now = this.clock.now().getTime();
    return {
      from: new Date(now - FEED_WINDOW.pastDays * 86_400_000),
      to: new Date(now + FEED_WINDOW.futureDays * 86_400_000),
    };
  }

  /** The body's meetings in the feed's window. */
  async forBody(bodyId: string): Promise<CalendarFeed> {
    const body = await this.dataSource.manager.findOneBy(BodyView, { id: bodyId });
    if (!body) {
      throw notFound('Body', bodyId);
    }
    const { from, to } = this.window();
    const meetings = await this.dataSource.manager.find(Meeting, {
      where: { bodyId, startsAt: Between(from, to) },
      order: { startsAt: 'ASC', id: 'ASC' },
      take: FEED_MEETINGS,
    });
    return {
      name: body.name,
      events: meetings.map((meeting) => meetingToEvent(meeting, body.name)),
    };
  }

  /** The meetings of the bodies the member sits on, on the day of each meeting, in the window. */
  async forMember(memberId: string): Promise<CalendarFeed> {
    const member = await this.member(memberId);
    const { meetings, bodyNames } = await this.seatedMeetings(
      memberId,
      this.window(),
      FEED_MEETINGS,
    );
    return {
      name: member.name,
      events: meetings.map((meeting) =>
        meetingToEvent(meeting, bodyNames.get(meeting.bodyId) ?? ''),
      ),
    };
  }

  /** The member's next `limit` meetings not yet ended, cancelled ones included, soonest first. */
  async upcomingForMember(memberId: string, limit: number): Promise<UpcomingMeeting[]> {
    await this.member(memberId);
    const now = this.clock.now();
    const { meetings, bodyNames } = await this.seatedMeetings(
      memberId,
      { from: now, to: this.window().to },
      limit,
      'ends_at',
    );
    return meetings.map((meeting) => ({
      id: meeting.id,
      bodyId: meeting.bodyId,
      bodyName: bodyNames.get(meeting.bodyId) ?? '',
      kind: meeting.kind,
      title: meeting.title,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      location: meeting.location,
      status: meeting.status,
    }));
  }

  private async member(memberId: string): Promise<MemberView> {
    const member = await this.dataSource.manager.findOneBy(MemberView, { id: memberId });
    if (!member) {
      throw notFound('Member', memberId);
    }
    return member;
  }

  /** Meetings of the bodies the member sits on that day, `column` within the range. */
  private async seatedMeetings(
    memberId: string,
    range: { from: Date; to: Date },
    take: number,
    column: 'starts_at' | 'ends_at' = 'starts_at',
  ): Promise<{ meetings: Meeting[]; bodyNames: Map<string, string> }> {
    const query = this.dataSource.manager.createQueryBuilder(Meeting, 'm');
    const seated = query
      .subQuery()
      .select('1')
      .from(Seat, 's')
      .where('s.body_id = m.body_id')
      .andWhere('s.member_id = :memberId')
      .andWhere(SEAT_HELD_ON_MEETING_DAY)
      .getQuery();
    const meetings = await query
      .where(`EXISTS ${seated}`, { memberId })
      .andWhere(`m.${column} BETWEEN :from AND :to`, range)
      .orderBy('m.starts_at', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .take(take)
      .getMany();
    const bodyIds = [...new Set(meetings.map((meeting) => meeting.bodyId))];
    const bodies = bodyIds.length
      ? await this.dataSource.manager.findBy(BodyView, { id: In(bodyIds) })
      : [];
    return { meetings, bodyNames: new Map(bodies.map((body) => [body.id, body.name])) };
  }
}

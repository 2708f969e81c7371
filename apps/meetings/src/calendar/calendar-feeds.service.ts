import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { notFound } from '#platform';
import { BodyView, MemberView, Seat, seatHeldOnSql } from '#membership-view';
import { Meeting } from '../meetings/meeting.entity.js';
import { meetingToEvent, type CalendarEvent } from './calendar.ics.js';

/** Each meeting is judged by the seats of its own UK calendar day. */
const SEAT_HELD_ON_MEETING_DAY = seatHeldOnSql(
  's',
  "CAST(m.starts_at AT TIME ZONE 'Europe/London' AS date)",
);

/** A feed's name and its events, ready to render. */
export interface CalendarFeed {
  name: string;
  events: CalendarEvent[];
}

/** The meetings a feed holds, read straight from the meetings and membership tables. */
@Injectable()
export class CalendarFeedsService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Every meeting of the body. */
  async forBody(bodyId: string): Promise<CalendarFeed> {
    const body = await this.dataSource.manager.findOneBy(BodyView, { id: bodyId });
    if (!body) {
      throw notFound('Body', bodyId);
    }
    const meetings = await this.dataSource.manager.find(Meeting, {
      where: { bodyId },
      order: { startsAt: 'ASC', id: 'ASC' },
    });
    return {
      name: body.name,
      events: meetings.map((meeting) => meetingToEvent(meeting, body.name)),
    };
  }

  /** The meetings of the bodies the member sits on, on the day of each meeting. */
  async forMember(memberId: string): Promise<CalendarFeed> {
    const member = await this.dataSource.manager.findOneBy(MemberView, { id: memberId });
    if (!member) {
      throw notFound('Member', memberId);
    }
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
      .orderBy('m.starts_at', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .getMany();
    const bodyIds = [...new Set(meetings.map((meeting) => meeting.bodyId))];
    const bodies = bodyIds.length
      ? await this.dataSource.manager.findBy(BodyView, { id: In(bodyIds) })
      : [];
    const names = new Map(bodies.map((body) => [body.id, body.name]));
    return {
      name: member.name,
      events: meetings.map((meeting) => meetingToEvent(meeting, names.get(meeting.bodyId) ?? '')),
    };
  }
}

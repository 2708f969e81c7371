import { Controller, Get, Inject, Param, ParseUUIDPipe, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { In, DataSource } from 'typeorm';
import { notFound, Roles } from '#platform';
import { Meeting } from '../meetings/meeting.entity.js';
import { calendarFileName, meetingToEvent, renderCalendar } from './calendar.ics.js';
import { BodyView, MemberView, Seat, seatHeldOnSql } from '#membership-view';

/** Each meeting is judged by the seats of its own UK calendar day. */
const SEAT_HELD_ON_MEETING_DAY = seatHeldOnSql(
  's',
  "CAST(m.starts_at AT TIME ZONE 'Europe/London' AS date)",
);

/**
 * iCalendar feeds a calendar app can subscribe to. Cancelled meetings stay in the feed as
 * STATUS:CANCELLED so subscribed calendars remove them.
 */
@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  @Get('bodies/:bodyId/calendar.ics')
  @Roles('admin', 'clinician', 'service')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: "The body's meetings as an iCalendar (RFC 5545) feed" })
  async forBody(@Param('bodyId', ParseUUIDPipe) bodyId: string): Promise<StreamableFile> {
    const body = await this.dataSource.manager.findOneBy(BodyView, { id: bodyId });
    if (!body) {
      throw notFound('Body', bodyId);
    }
    const meetings = await this.dataSource.manager.find(Meeting, {
      where: { bodyId },
      order: { startsAt: 'ASC', id: 'ASC' },
    });
    return ics(
      body.name,
      meetings.map((meeting) => meetingToEvent(meeting, body.name)),
    );
  }

  @Get('members/:memberId/calendar.ics')
  @Roles('admin', 'clinician', 'service')
  @ApiProduces('text/calendar')
  @ApiOkResponse({
    description: 'Meetings of the bodies the member sits on, on the day of each meeting',
  })
  async forMember(@Param('memberId', ParseUUIDPipe) memberId: string): Promise<StreamableFile> {
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
    return ics(
      member.name,
      meetings.map((meeting) => meetingToEvent(meeting, names.get(meeting.bodyId) ?? '')),
    );
  }
}

function ics(name: string, events: Parameters<typeof renderCalendar>[0]['events']): StreamableFile {
  return new StreamableFile(Buffer.from(renderCalendar({ name, events }), 'utf8'), {
    type: 'text/calendar; charset=utf-8',
    disposition: `inline; filename="${calendarFileName(name)}"`,
  });
}

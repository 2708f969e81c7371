import { Controller, Get, Inject, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal, Roles, ParseUuidPipe } from '#platform';
import { icsFile } from './calendar-file.js';
import { CalendarFeedsService, type UpcomingMeeting } from './calendar-feeds.service.js';
import { assertOwnOrAdmin } from './member-access.js';
import { UpcomingMeetingsQuery } from './upcoming-meetings.dto.js';

/**
 * iCalendar feeds a calendar app can subscribe to. Cancelled meetings stay in the feed as
 * STATUS:CANCELLED so subscribed calendars remove them. A calendar app that cannot send a
 * bearer token subscribes to a member's feed through CalendarSubscriptionsController's URL.
 */
@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(@Inject(CalendarFeedsService) private readonly feeds: CalendarFeedsService) {}

  @Get('bodies/:bodyId/calendar.ics')
  @Roles('admin', 'clinician', 'service')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: "The body's meetings as an iCalendar (RFC 5545) feed" })
  async forBody(@Param('bodyId', ParseUuidPipe) bodyId: string): Promise<StreamableFile> {
    return icsFile(await this.feeds.forBody(bodyId));
  }

  @Get('members/:memberId/calendar.ics')
  @Roles('admin', 'clinician')
  @ApiProduces('text/calendar')
  @ApiOkResponse({
    description:
      'Meetings of the bodies the member sits on, on the day of each meeting; for the member themself or an admin only',
  })
  async forMember(
    @Param('memberId', ParseUuidPipe) memberId: string,
    @CurrentUser() principal: Principal,
  ): Promise<StreamableFile> {
    assertOwnOrAdmin(principal, memberId);
    return icsFile(await this.feeds.forMember(memberId));
  }

  /** The member's next meetings (`limit` of them), for their own "my work"; theirs or an admin's. */
  @Get('members/:memberId/meetings')
  @Roles('admin', 'clinician')
  async upcoming(
    @Param('memberId', ParseUuidPipe) memberId: string,
    @Query() query: UpcomingMeetingsQuery,
    @CurrentUser() principal: Principal,
  ): Promise<{ items: UpcomingMeeting[]; limit: number }> {
    assertOwnOrAdmin(principal, memberId);
    return {
      items: await this.feeds.upcomingForMember(memberId, query.limit),
      limit: query.limit,
    };
  }
}

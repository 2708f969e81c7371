import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, ParseUuidPipe, Roles, type Principal } from '#platform';
import { BodyAccessService } from '../meetings/body-access.service.js';
import type { Meeting } from '../meetings/meeting.entity.js';
import {
  CancelMeetingDto,
  RescheduleMeetingDto,
  ScheduleMeetingDto,
  ScheduleSeriesDto,
} from './scheduling.dto.js';
import { SchedulingService } from './scheduling.service.js';

@ApiTags('meetings')
@Controller()
export class SchedulingController {
  constructor(
    @Inject(SchedulingService) private readonly scheduling: SchedulingService,
    @Inject(BodyAccessService) private readonly access: BodyAccessService,
  ) {}

  /** By an admin, or the body's chair, deputy chair or secretariat, as every meeting write is. */
  @Post('bodies/:bodyId/meetings')
  @Roles('admin', 'clinician')
  async schedule(
    @Param('bodyId', ParseUuidPipe) bodyId: string,
    @Body() dto: ScheduleMeetingDto,
    @CurrentUser() principal: Principal,
  ): Promise<Meeting> {
    await this.access.assertMayActForBody(principal, bodyId);
    return this.scheduling.schedule(bodyId, dto);
  }

  /** A series of meetings, e.g. quarterly for a year, in one call. */
  @Post('bodies/:bodyId/meetings/series')
  @Roles('admin', 'clinician')
  async scheduleSeries(
    @Param('bodyId', ParseUuidPipe) bodyId: string,
    @Body() dto: ScheduleSeriesDto,
    @CurrentUser() principal: Principal,
  ): Promise<Meeting[]> {
    await this.access.assertMayActForBody(principal, bodyId);
    return this.scheduling.scheduleSeries(bodyId, dto);
  }

  @Post('meetings/:id/reschedule')
  @HttpCode(200)
  @Roles('admin', 'clinician')
  async reschedule(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: RescheduleMeetingDto,
    @CurrentUser() principal: Principal,
  ): Promise<Meeting> {
    await this.access.assertMayActForMeeting(principal, id);
    return this.scheduling.reschedule(id, dto);
  }

  @Post('meetings/:id/cancel')
  @HttpCode(200)
  @Roles('admin', 'clinician')
  async cancel(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: CancelMeetingDto,
    @CurrentUser() principal: Principal,
  ): Promise<Meeting> {
    await this.access.assertMayActForMeeting(principal, id);
    return this.scheduling.cancel(id, dto);
  }
}

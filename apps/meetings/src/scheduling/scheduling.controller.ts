import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles, ParseUuidPipe } from '#platform';
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
  constructor(@Inject(SchedulingService) private readonly scheduling: SchedulingService) {}

  @Post('bodies/:bodyId/meetings')
  @Roles('admin')
  schedule(
    @Param('bodyId', ParseUuidPipe) bodyId: string,
    @Body() dto: ScheduleMeetingDto,
  ): Promise<Meeting> {
    return this.scheduling.schedule(bodyId, dto);
  }

  /** A series of meetings, e.g. quarterly for a year, in one call. */
  @Post('bodies/:bodyId/meetings/series')
  @Roles('admin')
  scheduleSeries(
    @Param('bodyId', ParseUuidPipe) bodyId: string,
    @Body() dto: ScheduleSeriesDto,
  ): Promise<Meeting[]> {
    return this.scheduling.scheduleSeries(bodyId, dto);
  }

  @Post('meetings/:id/reschedule')
  @HttpCode(200)
  @Roles('admin')
  reschedule(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: RescheduleMeetingDto,
  ): Promise<Meeting> {
    return this.scheduling.reschedule(id, dto);
  }

  @Post('meetings/:id/cancel')
  @HttpCode(200)
  @Roles('admin')
  cancel(@Param('id', ParseUuidPipe) id: string, @Body() dto: CancelMeetingDto): Promise<Meeting> {
    return this.scheduling.cancel(id, dto);
  }
}

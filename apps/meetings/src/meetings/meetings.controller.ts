import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles, ParseUuidPipe, type Page } from '#platform';
import type { Meeting } from './meeting.entity.js';
import { MeetingListQuery } from './meetings.dto.js';
import { MeetingsService } from './meetings.service.js';

const READERS = ['admin', 'clinician', 'service'] as const;

@ApiTags('meetings')
@Controller()
export class MeetingsController {
  constructor(@Inject(MeetingsService) private readonly meetings: MeetingsService) {}

  @Get('bodies/:bodyId/meetings')
  @Roles(...READERS)
  forBody(
    @Param('bodyId', ParseUuidPipe) bodyId: string,
    @Query() query: MeetingListQuery,
  ): Promise<Page<Meeting>> {
    return this.meetings.forBody(bodyId, query);
  }

  @Get('meetings/:id')
  @Roles(...READERS)
  get(@Param('id', ParseUuidPipe) id: string): Promise<Meeting> {
    return this.meetings.get(id);
  }
}

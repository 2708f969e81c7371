import { Body, Controller, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Principal, ParseUuidPipe } from '#platform';
import { BodyAccessService } from '../meetings/body-access.service.js';
import type { Meeting } from '../meetings/meeting.entity.js';
import { ApproveMinutesDto, DraftMinutesDto } from './minutes.dto.js';
import { MinutesService } from './minutes.service.js';

@ApiTags('actions and minutes')
@Controller()
export class MinutesController {
  constructor(
    @Inject(MinutesService) private readonly minutes: MinutesService,
    @Inject(BodyAccessService) private readonly access: BodyAccessService,
  ) {}

  @Put('meetings/:id/minutes')
  @Roles('admin', 'clinician')
  async draftMinutes(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: DraftMinutesDto,
    @CurrentUser() principal: Principal,
  ): Promise<Meeting> {
    await this.access.assertMayActForMeeting(principal, id);
    return this.minutes.draft(id, dto.text);
  }

  @Post('meetings/:id/minutes/approve')
  @HttpCode(200)
  @Roles('admin', 'clinician')
  async approveMinutes(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: ApproveMinutesDto,
    @CurrentUser() principal: Principal,
  ): Promise<Meeting> {
    await this.access.assertMayActForMeeting(principal, id);
    return this.minutes.approve(id, dto.atMeetingId);
  }
}

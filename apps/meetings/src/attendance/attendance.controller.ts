import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Principal, ParseUuidPipe } from '#platform';
import { BodyAccessService } from '../meetings/body-access.service.js';
import type { Meeting } from '../meetings/meeting.entity.js';
import type { Attendance } from './attendance.entity.js';
import { DeclareInterestDto, RecordAttendanceDto } from './attendance.dto.js';
import { AttendanceService } from './attendance.service.js';
import type { DeclarationOfInterest } from './declaration.entity.js';
import { DeclarationsService } from './declarations.service.js';

const READERS = ['admin', 'clinician', 'service'] as const;

@ApiTags('meetings')
@Controller()
export class AttendanceController {
  constructor(
    @Inject(AttendanceService) private readonly attendance: AttendanceService,
    @Inject(BodyAccessService) private readonly access: BodyAccessService,
    @Inject(DeclarationsService) private readonly declarations: DeclarationsService,
  ) {}

  // Not paged: one meeting's attendance is bounded by the seats of its body.
  @Get('meetings/:id/attendance')
  @Roles(...READERS)
  attendanceOf(@Param('id', ParseUuidPipe) id: string): Promise<Attendance[]> {
    return this.attendance.list(id);
  }

  @Put('meetings/:id/attendance')
  @Roles('admin', 'clinician')
  async recordAttendance(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: RecordAttendanceDto,
    @CurrentUser() principal: Principal,
  ): Promise<Attendance[]> {
    await this.access.assertMayActForMeeting(principal, id);
    return this.attendance.record(id, dto);
  }

  /** Records the meeting as held, computing quorum from attendance and the terms of reference. */
  @Post('meetings/:id/hold')
  @HttpCode(200)
  @Roles('admin', 'clinician')
  async hold(
    @Param('id', ParseUuidPipe) id: string,
    @CurrentUser() principal: Principal,
  ): Promise<Meeting> {
    await this.access.assertMayActForMeeting(principal, id);
    return this.attendance.hold(id);
  }

  /** A declaration of interest in an agenda item, recorded by the meeting's officers. */
  @Post('agenda-items/:id/declarations')
  @Roles('admin', 'clinician')
  async declare(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: DeclareInterestDto,
    @CurrentUser() principal: Principal,
  ): Promise<DeclarationOfInterest> {
    const officer = await this.access.actingOfficer(
      principal,
      await this.declarations.meetingOfItem(id),
    );
    return this.declarations.declare(id, dto, officer);
  }

  // Not paged: bounded by the meeting's items and attendance.
  @Get('meetings/:id/declarations')
  @Roles(...READERS)
  declarationsOf(@Param('id', ParseUuidPipe) id: string): Promise<DeclarationOfInterest[]> {
    return this.declarations.forMeeting(id);
  }
}

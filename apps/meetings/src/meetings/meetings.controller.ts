import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, notFound, Roles, type Principal } from '#platform';
import { DataSource } from 'typeorm';
import { AgendaItem } from '../agenda/agenda-item.entity.js';
import type { AgendaRequest } from '../agenda/agenda-request.entity.js';
import { AgendaService } from '../agenda/agenda.service.js';
import { AddAgendaItemDto, AgendaRequestsQuery } from '../agenda/agenda.dto.js';
import type { Attendance } from '../attendance/attendance.entity.js';
import { AttendanceService } from '../attendance/attendance.service.js';
import { RecordAttendanceDto } from '../attendance/attendance.dto.js';
import type { Decision } from '../decisions/decision.entity.js';
import { DecisionsService } from '../decisions/decisions.service.js';
import { RecordDecisionDto } from '../decisions/decisions.dto.js';
import { BodyAccessService } from './body-access.service.js';
import {
  CancelMeetingDto,
  RescheduleMeetingDto,
  ScheduleMeetingDto,
  ScheduleSeriesDto,
} from './meetings.dto.js';
import type { Meeting } from './meeting.entity.js';
import { MeetingsService } from './meetings.service.js';

const READERS = ['admin', 'clinician', 'service'] as const;

@ApiTags('meetings')
@Controller()
export class MeetingsController {
  constructor(
    @Inject(MeetingsService) private readonly meetings: MeetingsService,
    @Inject(AgendaService) private readonly agenda: AgendaService,
    @Inject(AttendanceService) private readonly attendance: AttendanceService,
    @Inject(DecisionsService) private readonly decisions: DecisionsService,
    @Inject(BodyAccessService) private readonly access: BodyAccessService,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  @Post('bodies/:bodyId/meetings')
  @Roles('admin')
  schedule(
    @Param('bodyId', ParseUUIDPipe) bodyId: string,
    @Body() dto: ScheduleMeetingDto,
  ): Promise<Meeting> {
    return this.meetings.schedule(bodyId, dto);
  }

  /** A series of meetings, e.g. quarterly for a year, in one call. */
  @Post('bodies/:bodyId/meetings/series')
  @Roles('admin')
  scheduleSeries(
    @Param('bodyId', ParseUUIDPipe) bodyId: string,
    @Body() dto: ScheduleSeriesDto,
  ): Promise<Meeting[]> {
    return this.meetings.scheduleSeries(bodyId, dto);
  }

  @Get('bodies/:bodyId/meetings')
  @Roles(...READERS)
  forBody(@Param('bodyId', ParseUUIDPipe) bodyId: string): Promise<Meeting[]> {
    return this.meetings.forBody(bodyId);
  }

  /** Requests from other services to table something, placed or waiting for a meeting. */
  @Get('bodies/:bodyId/agenda-requests')
  @Roles(...READERS)
  agendaRequests(
    @Param('bodyId', ParseUUIDPipe) bodyId: string,
    @Query() query: AgendaRequestsQuery,
  ): Promise<AgendaRequest[]> {
    return this.agenda.requests(bodyId, query.status);
  }

  @Get('meetings/:id')
  @Roles(...READERS)
  get(@Param('id', ParseUUIDPipe) id: string): Promise<Meeting> {
    return this.meetings.get(id);
  }

  @Post('meetings/:id/reschedule')
  @HttpCode(200)
  @Roles('admin')
  reschedule(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RescheduleMeetingDto,
  ): Promise<Meeting> {
    return this.meetings.reschedule(id, dto);
  }

  @Post('meetings/:id/cancel')
  @HttpCode(200)
  @Roles('admin')
  cancel(@Param('id', ParseUUIDPipe) id: string, @Body() dto: CancelMeetingDto): Promise<Meeting> {
    return this.meetings.cancel(id, dto);
  }

  @Get('meetings/:id/agenda')
  @Roles(...READERS)
  items(@Param('id', ParseUUIDPipe) id: string): Promise<AgendaItem[]> {
    return this.agenda.items(id);
  }

  @Post('meetings/:id/agenda')
  @Roles('admin')
  addItem(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AddAgendaItemDto,
  ): Promise<AgendaItem> {
    return this.agenda.addItem(id, dto);
  }

  @Get('meetings/:id/attendance')
  @Roles(...READERS)
  attendanceOf(@Param('id', ParseUUIDPipe) id: string): Promise<Attendance[]> {
    return this.attendance.list(id);
  }

  @Put('meetings/:id/attendance')
  @Roles('admin', 'clinician')
  async recordAttendance(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RecordAttendanceDto,
    @CurrentUser() principal: Principal,
  ): Promise<Attendance[]> {
    const meeting = await this.meetings.get(id);
    await this.access.assertMayActFor(principal, meeting.bodyId, meeting.startsAt);
    return this.attendance.record(id, dto);
  }

  /** Records the meeting as held, computing quorum from attendance and the terms of reference. */
  @Post('meetings/:id/hold')
  @HttpCode(200)
  @Roles('admin', 'clinician')
  async hold(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() principal: Principal,
  ): Promise<Meeting> {
    const meeting = await this.meetings.get(id);
    await this.access.assertMayActFor(principal, meeting.bodyId, meeting.startsAt);
    return this.attendance.hold(id);
  }

  @Post('agenda-items/:id/decision')
  @Roles('admin', 'clinician')
  async decide(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RecordDecisionDto,
    @CurrentUser() principal: Principal,
  ): Promise<Decision> {
    const item = await this.dataSource.manager.findOneBy(AgendaItem, { id });
    if (!item) {
      throw notFound('Agenda item', id);
    }
    const meeting = await this.meetings.get(item.meetingId);
    await this.access.assertMayActFor(principal, meeting.bodyId, meeting.startsAt);
    return this.decisions.record(id, dto, principal.sub);
  }
}

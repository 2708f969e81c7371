import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BodyView } from '#membership-view';
import { invalidField, notFound } from '#platform';
import { AgendaService } from '../agenda/agenda.service.js';
import { MeetingsPublisher } from '../meetings.publisher.js';
import { lockScheduledMeeting } from '../meetings/lock-meeting.js';
import { Meeting } from '../meetings/meeting.entity.js';
import type {
  CancelMeetingDto,
  RescheduleMeetingDto,
  ScheduleMeetingDto,
  ScheduleSeriesDto,
} from './scheduling.dto.js';

/** Puts a body's meetings in the diary, moves them and cancels them. */
@Injectable()
export class SchedulingService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(MeetingsPublisher) private readonly events: MeetingsPublisher,
    @Inject(AgendaService) private readonly agenda: AgendaService,
  ) {}

  async schedule(bodyId: string, dto: ScheduleMeetingDto): Promise<Meeting> {
    const [meeting] = await this.scheduleAll(bodyId, dto, [new Date(dto.startsAt)], null);
    return meeting!;
  }

  /** A series, e.g. quarterly for a year: the first at `startsAt`, then every month or quarter. */
  async scheduleSeries(bodyId: string, dto: ScheduleSeriesDto): Promise<Meeting[]> {
    const first = new Date(dto.startsAt);
    const months = dto.every === 'quarter' ? 3 : 1;
    const starts = Array.from({ length: dto.count }, (_, i) => {
      const start = new Date(first);
      start.setUTCMonth(first.getUTCMonth() + i * months);
      return start;
    });
    return this.scheduleAll(bodyId, dto, starts, randomUUID());
  }

  async reschedule(id: string, dto: RescheduleMeetingDto): Promise<Meeting> {
    checkTimes(dto.startsAt, dto.endsAt);
    return this.dataSource.transaction(async (manager) => {
      const meeting = await lockScheduledMeeting(manager, id);
      const previousStartsAt = meeting.startsAt.toISOString();
      meeting.startsAt = new Date(dto.startsAt);
      meeting.endsAt = new Date(dto.endsAt);
      await manager.save(Meeting, meeting);
      await this.events.publish(manager, 'meetings.meeting-rescheduled.v1', {
        ...meetingState(meeting),
        previousStartsAt,
      });
      return meeting;
    });
  }

  async cancel(id: string, dto: CancelMeetingDto): Promise<Meeting> {
    return this.dataSource.transaction(async (manager) => {
      const meeting = await lockScheduledMeeting(manager, id);
      meeting.status = 'cancelled';
      meeting.cancelReason = dto.reason;
      await manager.save(Meeting, meeting);
      await this.events.publish(manager, 'meetings.meeting-cancelled.v1', {
        meetingId: meeting.id,
        bodyId: meeting.bodyId,
        reason: dto.reason,
      });
      return meeting;
    });
  }

  /** Inserts the meetings, then places agenda requests that were waiting for one, in one transaction. */
  private async scheduleAll(
    bodyId: string,
    dto: ScheduleMeetingDto,
    starts: Date[],
    seriesId: string | null,
  ): Promise<Meeting[]> {
    checkTimes(dto.startsAt, dto.endsAt);
    const duration = new Date(dto.endsAt).getTime() - new Date(dto.startsAt).getTime();
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(BodyView, { id: bodyId }))) {
        throw notFound('Body', bodyId);
      }
      const meetings: Meeting[] = [];
      for (const [index, startsAt] of starts.entries()) {
        const meeting = manager.create(Meeting, {
          id: randomUUID(),
          bodyId,
          kind: dto.kind,
          title: starts.length > 1 ? `${dto.title} (${index + 1} of ${starts.length})` : dto.title,
          startsAt,
          endsAt: new Date(startsAt.getTime() + duration),
          location: dto.location ?? null,
          onlineUrl: dto.onlineUrl ?? null,
          status: 'scheduled',
          seriesId,
          quorum: null,
          cancelReason: null,
          minutesStatus: 'none',
          minutesText: null,
          minutesApprovedAtMeetingId: null,
        });
        await manager.insert(Meeting, meeting);
        await this.events.publish(manager, 'meetings.meeting-scheduled.v1', meetingState(meeting));
        meetings.push(meeting);
      }
      await this.agenda.placeWaitingRequests(manager, bodyId);
      return meetings;
    });
  }
}

function checkTimes(startsAt: string, endsAt: string): void {
  if (new Date(endsAt).getTime() <= new Date(startsAt).getTime()) {
    throw invalidField('endsAt', 'endsAt must be after startsAt');
  }
}

/** What the scheduled and rescheduled events say about a meeting. */
function meetingState(meeting: Meeting) {
  return {
    meetingId: meeting.id,
    bodyId: meeting.bodyId,
    kind: meeting.kind,
    title: meeting.title,
    startsAt: meeting.startsAt.toISOString(),
    endsAt: meeting.endsAt.toISOString(),
    location: meeting.location,
    onlineUrl: meeting.onlineUrl,
  };
}

import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, LessThanOrEqual, type EntityManager } from 'typeorm';
import { Clock, ConflictError, invalidField, ukDate } from '#platform';
import { lockScheduledMeeting } from '../meetings/lock-meeting.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { Attendance } from './attendance.entity.js';
import type { RecordAttendanceDto } from './attendance.dto.js';
import { computeQuorum } from '#contracts';
import { BodyTerms, MemberView, Seat, seatHeldOnSql } from '#membership-view';
import { MeetingsPublisher } from '../meetings.publisher.js';

@Injectable()
export class AttendanceService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(MeetingsPublisher) private readonly events: MeetingsPublisher,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Records who was present, sent apologies or was absent; members must sit on the body that day. */
  async record(meetingId: string, dto: RecordAttendanceDto): Promise<Attendance[]> {
    return this.dataSource.transaction(async (manager) => {
      const meeting = await lockScheduledMeeting(manager, meetingId);
      const seated = new Set((await this.seats(manager, meeting)).map((seat) => seat.memberId));
      for (const [index, entry] of dto.attendance.entries()) {
        if (!seated.has(entry.memberId)) {
          throw invalidField(
            `attendance.${index}.memberId`,
            `Member ${entry.memberId} does not sit on this body on the day of the meeting`,
          );
        }
      }
      await manager.upsert(
        Attendance,
        dto.attendance.map((entry) => ({
          meetingId,
          memberId: entry.memberId,
          status: entry.status,
        })),
        ['meetingId', 'memberId'],
      );
      await this.events.audit(manager, {
        action: 'meetings.attendance-recorded',
        changes: { meetingId, bodyId: meeting.bodyId, attendance: dto.attendance },
      });
      return manager.find(Attendance, { where: { meetingId } });
    });
  }

  async list(meetingId: string): Promise<Attendance[]> {
    return this.dataSource.manager.find(Attendance, { where: { meetingId } });
  }

  /**
   * Records the meeting as held, with quorum judged by the body's terms of reference as they
   * stood at the meeting and by who sat on the body that day. A meeting without quorum is
   * still held (and recorded as such) but can take no decisions.
   */
  async hold(meetingId: string): Promise<Meeting> {
    return this.dataSource.transaction(async (manager) => {
      const meeting = await lockScheduledMeeting(manager, meetingId);
      if (meeting.startsAt.getTime() > this.clock.now().getTime()) {
        throw new ConflictError(
          `The meeting has not started yet (it starts at ${meeting.startsAt.toISOString()})`,
        );
      }
      // The terms as they stood at the meeting; for a meeting older than anything membership
      // has announced (history entered late), the earliest terms known.
      const terms =
        (await manager.findOne(BodyTerms, {
          where: { bodyId: meeting.bodyId, effectiveFrom: LessThanOrEqual(meeting.startsAt) },
          order: { effectiveFrom: 'DESC' },
        })) ??
        (await manager.findOne(BodyTerms, {
          where: { bodyId: meeting.bodyId },
          order: { effectiveFrom: 'ASC' },
        }));
      if (!terms) {
        throw new ConflictError('No terms of reference are known for the body yet');
      }
      const seats = await this.seats(manager, meeting);
      const members = await manager.findBy(MemberView, {
        id: In([...new Set(seats.map((s) => s.memberId))]),
      });
      const clinician = new Map(members.map((m) => [m.id, m.clinician]));
      const attendance = await manager.find(Attendance, { where: { meetingId } });
      const quorum = computeQuorum(
        terms.terms.quorum,
        seats.map((s) => ({
          memberId: s.memberId,
          role: s.role,
          clinician: clinician.get(s.memberId) ?? false,
        })),
        new Map(attendance.map((a) => [a.memberId, a.status])),
      );
      meeting.status = 'held';
      meeting.quorum = quorum;
      await manager.save(Meeting, meeting);
      const ref = { meetingId: meeting.id, bodyId: meeting.bodyId };
      await this.events.publish(manager, 'meetings.meeting-held.v1', { ...ref, quorum });
      if (!quorum.quorate) {
        await this.events.publish(manager, 'meetings.quorum-not-met.v1', {
          ...ref,
          quorum,
          consecutive: await this.consecutiveInquorate(manager, meeting.bodyId),
        });
      }
      return meeting;
    });
  }

  /** Held meetings of the body without quorum, counting back from the latest. */
  private async consecutiveInquorate(manager: EntityManager, bodyId: string): Promise<number> {
    const held = await manager.find(Meeting, {
      where: { bodyId, status: 'held' },
      order: { startsAt: 'DESC' },
    });
    let count = 0;
    for (const meeting of held) {
      if (meeting.quorum?.quorate !== false) {
        break;
      }
      count += 1;
    }
    return count;
  }

  private seats(manager: EntityManager, meeting: Meeting): Promise<Seat[]> {
    return manager
      .createQueryBuilder(Seat, 's')
      .where('s.body_id = :bodyId', { bodyId: meeting.bodyId })
      .andWhere(seatHeldOnSql('s'), { on: ukDate(meeting.startsAt) })
      .getMany();
  }
}

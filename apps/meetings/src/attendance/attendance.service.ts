import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, LessThanOrEqual, type EntityManager } from 'typeorm';
import { Clock, ConflictError, invalidField, ukDate } from '#platform';
import { lockScheduledMeeting } from '../meetings/lock-meeting.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { Attendance } from './attendance.entity.js';
import type { AttendanceEntryDto, RecordAttendanceDto } from './attendance.dto.js';
import { computeQuorum, VOTING_ROLES } from '#contracts';
import { BodyTerms, MemberView, Seat, seatHeldOnSql } from '#membership-view';
import { MeetingsPublisher } from '../meetings.publisher.js';

@Injectable()
export class AttendanceService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(MeetingsPublisher) private readonly events: MeetingsPublisher,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /**
   * Records who was present, sent apologies or was absent; members must sit on the body that
   * day, except a nominated deputy, who attends in place of a voting member of the body not
   * present themselves, one deputy for a member, and who does not sit on the body (a member
   * does not count twice). A deputy is a member known to membership; one recorded absent did
   * not come after all, and counts for no one.
   */
  async record(meetingId: string, dto: RecordAttendanceDto): Promise<Attendance[]> {
    return this.dataSource.transaction(async (manager) => {
      const meeting = await lockScheduledMeeting(manager, meetingId);
      const seats = await this.seats(manager, meeting);
      const seated = new Set(seats.map((seat) => seat.memberId));
      const voting = new Set(
        seats.filter((seat) => VOTING_ROLES.includes(seat.role)).map((seat) => seat.memberId),
      );
      const recorded = new Map(
        (await manager.find(Attendance, { where: { meetingId } })).map((row) => [
          row.memberId,
          row,
        ]),
      );
      for (const entry of dto.attendance) {
        recorded.set(entry.memberId, {
          meetingId,
          memberId: entry.memberId,
          status: entry.status,
          deputisingFor: entry.deputisingFor ?? null,
        });
      }
      for (const [index, entry] of dto.attendance.entries()) {
        const field = `attendance.${index}`;
        if (!entry.deputisingFor) {
          if (!seated.has(entry.memberId)) {
            throw invalidField(
              `${field}.memberId`,
              `Member ${entry.memberId} does not sit on this body on the day of the meeting; a nominated deputy names the member they attend for in deputisingFor`,
            );
          }
          continue;
        }
        const problem = await deputyProblem(
          manager,
          { ...entry, deputisingFor: entry.deputisingFor },
          { seated, voting, recorded },
        );
        if (problem) {
          throw invalidField(`${field}.${problem.field}`, problem.message);
        }
      }
      // The meeting's attendance as it will stand: one deputy a member, and none for a member
      // present in person (recorded earlier or in this list).
      const deputyOf = new Map<string, string>();
      for (const row of recorded.values()) {
        // A deputy recorded absent (or with apologies) did not come, and counts for no one.
        if (!row.deputisingFor || row.status !== 'present') {
          continue;
        }
        const other = deputyOf.get(row.deputisingFor);
        if (other) {
          throw invalidField(
            'attendance',
            `Member ${row.deputisingFor} would have two deputies at this meeting (${other} and ${row.memberId})`,
          );
        }
        if (recorded.get(row.deputisingFor)?.status === 'present') {
          throw invalidField(
            'attendance',
            `Member ${row.deputisingFor} is present in person, yet ${row.memberId} is recorded as their deputy, present: record the deputy absent first`,
          );
        }
        deputyOf.set(row.deputisingFor, row.memberId);
      }
      await manager.upsert(
        Attendance,
        dto.attendance.map((entry) => ({
          meetingId,
          memberId: entry.memberId,
          status: entry.status,
          deputisingFor: entry.deputisingFor ?? null,
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
      const attendance = await manager.find(Attendance, { where: { meetingId } });
      const deputies = attendance.filter((a) => a.deputisingFor && a.status === 'present');
      const members = await manager.findBy(MemberView, {
        id: In([...new Set([...seats, ...deputies].map((s) => s.memberId))]),
      });
      const clinician = new Map(members.map((m) => [m.id, m.clinician]));
      const quorum = computeQuorum(
        terms.terms.quorum,
        seats.map((s) => ({
          memberId: s.memberId,
          role: s.role,
          clinician: clinician.get(s.memberId) ?? false,
        })),
        // A deputy's own row is no seat of theirs: only the member they came for counts.
        new Map(attendance.filter((a) => !a.deputisingFor).map((a) => [a.memberId, a.status])),
        'was',
        deputies.map((d) => ({
          forMemberId: d.deputisingFor!,
          clinician: clinician.get(d.memberId) ?? false,
        })),
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

/** What is wrong with a deputy's attendance entry, if anything: the field and why. */
async function deputyProblem(
  manager: EntityManager,
  entry: AttendanceEntryDto & { deputisingFor: string },
  body: {
    seated: ReadonlySet<string>;
    voting: ReadonlySet<string>;
    recorded: ReadonlyMap<string, Pick<Attendance, 'status' | 'deputisingFor'>>;
  },
): Promise<{ field: 'memberId' | 'deputisingFor' | 'status'; message: string } | null> {
  if (entry.deputisingFor === entry.memberId) {
    return { field: 'deputisingFor', message: 'A member cannot deputise for themselves' };
  }
  if (body.seated.has(entry.memberId)) {
    return {
      field: 'memberId',
      message: `Member ${entry.memberId} sits on this body and counts in their own right, not as a deputy`,
    };
  }
  if (!(await manager.existsBy(MemberView, { id: entry.memberId }))) {
    return { field: 'memberId', message: `Member ${entry.memberId} is not known to membership` };
  }
  if (!body.voting.has(entry.deputisingFor)) {
    return {
      field: 'deputisingFor',
      message: `Member ${entry.deputisingFor} is not a voting member of this body on the day of the meeting`,
    };
  }
  if (entry.status === 'present' && body.recorded.get(entry.deputisingFor)?.status === 'present') {
    return {
      field: 'deputisingFor',
      message: `Member ${entry.deputisingFor} is present in person and needs no deputy`,
    };
  }
  return null;
}

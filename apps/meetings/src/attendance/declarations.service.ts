import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConflictError, invalidField, notFound } from '#platform';
import { AgendaItem } from '../agenda/agenda-item.entity.js';
import { lockMeeting } from '../meetings/lock-meeting.js';
import type { ActingOfficer } from '../meetings/body-access.service.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { MeetingsPublisher } from '../meetings.publisher.js';
import { Attendance } from './attendance.entity.js';
import type { DeclareInterestDto } from './attendance.dto.js';
import { DeclarationOfInterest } from './declaration.entity.js';

/**
 * Declarations of interest per agenda item, as a meeting's officers record them: by a member
 * recorded present (in their own right or as a deputy), while the meeting is open or held and
 * its minutes are not yet approved, one per member and item.
 */
@Injectable()
export class DeclarationsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(MeetingsPublisher) private readonly events: MeetingsPublisher,
  ) {}

  /** The meeting an agenda item is on: what the caller checks the officer may act for. */
  async meetingOfItem(agendaItemId: string): Promise<string> {
    const item = await this.dataSource.manager.findOneBy(AgendaItem, { id: agendaItemId });
    if (!item) {
      throw notFound('Agenda item', agendaItemId);
    }
    return item.meetingId;
  }

  async declare(
    agendaItemId: string,
    dto: DeclareInterestDto,
    recordedBy: ActingOfficer,
  ): Promise<DeclarationOfInterest> {
    return this.dataSource.transaction(async (manager) => {
      const item = await manager.findOneBy(AgendaItem, { id: agendaItemId });
      if (!item) {
        throw notFound('Agenda item', agendaItemId);
      }
      const meeting = await lockMeeting(manager, item.meetingId);
      if (meeting.status === 'cancelled' || meeting.minutesStatus === 'approved') {
        throw new ConflictError(
          meeting.status === 'cancelled'
            ? 'The meeting was cancelled'
            : 'The minutes are approved and can no longer change',
        );
      }
      const present = await manager.existsBy(Attendance, {
        meetingId: meeting.id,
        memberId: dto.memberId,
        status: 'present',
      });
      if (!present) {
        throw invalidField(
          'memberId',
          `Member ${dto.memberId} is not recorded present at the meeting: record attendance first`,
        );
      }
      const declaration = manager.create(DeclarationOfInterest, {
        id: randomUUID(),
        meetingId: meeting.id,
        agendaItemId,
        memberId: dto.memberId,
        nature: dto.nature,
        interest: dto.interest,
        action: dto.action,
        recordedBy: recordedBy.memberId ?? recordedBy.subject,
      });
      await manager.insert(DeclarationOfInterest, declaration);
      await this.events.audit(manager, {
        action: 'meetings.interest-declared',
        changes: { meetingId: meeting.id, bodyId: meeting.bodyId, agendaItemId, ...dto },
      });
      return manager.findOneByOrFail(DeclarationOfInterest, { id: declaration.id });
    });
  }

  /** A meeting's declarations, in agenda order. */
  async forMeeting(meetingId: string): Promise<DeclarationOfInterest[]> {
    if (!(await this.dataSource.manager.existsBy(Meeting, { id: meetingId }))) {
      throw notFound('Meeting', meetingId);
    }
    return this.dataSource.manager
      .createQueryBuilder(DeclarationOfInterest, 'd')
      .innerJoin(AgendaItem, 'i', 'i.id = d.agendaItemId')
      .where('d.meetingId = :meetingId', { meetingId })
      .orderBy('i.position', 'ASC')
      .addOrderBy('d.recordedAt', 'ASC')
      .getMany();
  }
}

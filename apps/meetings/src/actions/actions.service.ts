import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, ConflictError, invalidField, notFound } from '#platform';
import { AgendaItem } from '../agenda/agenda-item.entity.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { Action } from './action.entity.js';
import type { AssignActionDto, CompleteActionDto } from './actions.dto.js';
import { MemberView } from '#membership-view';
import { MeetingsPublisher } from '../meetings.publisher.js';

@Injectable()
export class ActionsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(MeetingsPublisher) private readonly events: MeetingsPublisher,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async assign(meetingId: string, dto: AssignActionDto): Promise<Action> {
    return this.dataSource.transaction(async (manager) => {
      const meeting = await manager.findOneBy(Meeting, { id: meetingId });
      if (!meeting) {
        throw notFound('Meeting', meetingId);
      }
      if (meeting.status === 'cancelled') {
        throw new ConflictError('The meeting was cancelled');
      }
      if (!(await manager.existsBy(MemberView, { id: dto.ownerMemberId }))) {
        throw invalidField('ownerMemberId', `No member ${dto.ownerMemberId}`);
      }
      if (
        dto.agendaItemId &&
        !(await manager.existsBy(AgendaItem, { id: dto.agendaItemId, meetingId }))
      ) {
        throw invalidField('agendaItemId', 'No such item on this meeting’s agenda');
      }
      const action = manager.create(Action, {
        id: randomUUID(),
        meetingId,
        bodyId: meeting.bodyId,
        agendaItemId: dto.agendaItemId ?? null,
        description: dto.description,
        ownerMemberId: dto.ownerMemberId,
        dueOn: dto.dueOn,
        status: 'open',
        completedOn: null,
        overdueAnnouncedOn: null,
      });
      await manager.insert(Action, action);
      await this.events.publish(manager, 'meetings.action-assigned.v1', {
        meetingId,
        bodyId: meeting.bodyId,
        actionId: action.id,
        agendaItemId: action.agendaItemId,
        description: action.description,
        ownerMemberId: action.ownerMemberId,
        dueOn: action.dueOn,
      });
      return action;
    });
  }

  async complete(id: string, dto: CompleteActionDto): Promise<Action> {
    return this.dataSource.transaction(async (manager) => {
      const action = await manager.findOne(Action, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!action) {
        throw notFound('Action', id);
      }
      if (action.status === 'completed') {
        throw new ConflictError(`The action was completed on ${action.completedOn}`);
      }
      action.status = 'completed';
      action.completedOn = dto.completedOn ?? this.clock.today();
      await manager.save(Action, action);
      await this.events.publish(manager, 'meetings.action-completed.v1', {
        meetingId: action.meetingId,
        bodyId: action.bodyId,
        actionId: action.id,
        completedOn: action.completedOn,
      });
      return action;
    });
  }

  get(id: string): Promise<Action | null> {
    return this.dataSource.manager.findOneBy(Action, { id });
  }

  forMeeting(meetingId: string): Promise<Action[]> {
    return this.dataSource.manager.find(Action, { where: { meetingId }, order: { dueOn: 'ASC' } });
  }

  forMember(memberId: string, status?: Action['status']): Promise<Action[]> {
    return this.dataSource.manager.find(Action, {
      where: { ownerMemberId: memberId, ...(status ? { status } : {}) },
      order: { dueOn: 'ASC' },
    });
  }
}

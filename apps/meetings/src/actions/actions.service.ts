import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  Clock,
  ConflictError,
  invalidField,
  notFound,
  UnprocessableError,
  type Page,
  type PageQuery,
} from '#platform';
import { AgendaItem } from '../agenda/agenda-item.entity.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { Action } from './action.entity.js';
import type { ActionsQuery, AssignActionDto, CompleteActionDto } from './actions.dto.js';
import { MemberView, SeatAccessService } from '#membership-view';
import { MeetingsPublisher } from '../meetings.publisher.js';

@Injectable()
export class ActionsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(MeetingsPublisher) private readonly events: MeetingsPublisher,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(SeatAccessService) private readonly seats: SeatAccessService,
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
      await this.assertOwnerSeated(manager, meeting.bodyId, dto.ownerMemberId);
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

  /** A page of a meeting's actions, soonest due first; only those `ownerMemberId` owes when given. */
  async forMeeting(
    meetingId: string,
    page: PageQuery,
    ownerMemberId?: string,
  ): Promise<Page<Action>> {
    const [items, total] = await this.dataSource.manager.findAndCount(Action, {
      where: { meetingId, ...(ownerMemberId ? { ownerMemberId } : {}) },
      order: { dueOn: 'ASC', id: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
    return { items, total, limit: page.limit, offset: page.offset };
  }

  /** A page of a member's actions, soonest due first; only those owed to `bodyIds` when given. */
  async forMember(
    memberId: string,
    query: ActionsQuery,
    bodyIds?: readonly string[],
  ): Promise<Page<Action>> {
    const [items, total] = await this.dataSource.manager.findAndCount(Action, {
      where: {
        ownerMemberId: memberId,
        ...(query.status ? { status: query.status } : {}),
        ...(bodyIds ? { bodyId: In(bodyIds) } : {}),
      },
      order: { dueOn: 'ASC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total, limit: query.limit, offset: query.offset };
  }

  /**
   * An action's owner sits on its body today, in any seat: the body cannot hold to account someone
   * outside it. Whoever reassigns an action must check the new owner the same way.
   */
  private async assertOwnerSeated(
    manager: EntityManager,
    bodyId: string,
    ownerMemberId: string,
  ): Promise<void> {
    const seat = { bodyId, memberId: ownerMemberId, on: this.clock.today() };
    if (!(await this.seats.holdsSeat(seat, manager))) {
      const message = 'The owner of an action must sit on the body';
      throw new UnprocessableError(message, {
        errors: [{ field: 'ownerMemberId', messages: [message] }],
      });
    }
  }
}

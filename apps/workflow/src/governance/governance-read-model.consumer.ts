import { Controller } from '@nestjs/common';
import type { EventOf, EventTypeOf, PlatformEventMap } from '#contracts';
import { eventHandlerDecorator, type EventContext } from '#messaging';
import { ActionView } from './action-view.entity.js';
import { MeetingView } from './meeting-view.entity.js';
import { RoleVacancy } from './role-vacancy.entity.js';

const OnEvent = eventHandlerDecorator<PlatformEventMap>();
type Envelope<T extends EventTypeOf<PlatformEventMap>> = EventOf<PlatformEventMap, T>;

/**
 * The workflow's copy of the governance calendar and its loose ends: each body's meetings,
 * open actions, and roles left empty. Written in the event's transaction, so a replay
 * rebuilds the same rows.
 */
@Controller()
export class GovernanceReadModelConsumer {
  @OnEvent('meetings.meeting-scheduled.v1')
  meetingScheduled(event: Envelope<'meetings.meeting-scheduled.v1'>, context: EventContext) {
    return this.saveMeeting(event, context);
  }

  @OnEvent('meetings.meeting-rescheduled.v1')
  meetingRescheduled(event: Envelope<'meetings.meeting-rescheduled.v1'>, context: EventContext) {
    return this.saveMeeting(event, context);
  }

  @OnEvent('meetings.meeting-cancelled.v1')
  async meetingCancelled(event: Envelope<'meetings.meeting-cancelled.v1'>, context: EventContext) {
    await context.manager.update(MeetingView, { id: event.data.meetingId }, { cancelled: true });
  }

  @OnEvent('meetings.action-assigned.v1')
  async actionAssigned(event: Envelope<'meetings.action-assigned.v1'>, context: EventContext) {
    const { actionId, meetingId, bodyId, description, ownerMemberId, dueOn } = event.data;
    await context.manager.upsert(
      ActionView,
      { id: actionId, meetingId, bodyId, description, ownerMemberId, dueOn, completedOn: null },
      ['id'],
    );
  }

  @OnEvent('meetings.action-completed.v1')
  async actionCompleted(event: Envelope<'meetings.action-completed.v1'>, context: EventContext) {
    await context.manager.update(
      ActionView,
      { id: event.data.actionId },
      { completedOn: event.data.completedOn },
    );
  }

  @OnEvent('membership.role-vacated.v1')
  async roleVacated(event: Envelope<'membership.role-vacated.v1'>, context: EventContext) {
    const { bodyId, role, vacantSince } = event.data;
    await context.manager.upsert(RoleVacancy, { bodyId, role, vacantSince }, ['bodyId', 'role']);
  }

  @OnEvent('membership.member-appointed.v1')
  async memberAppointed(event: Envelope<'membership.member-appointed.v1'>, context: EventContext) {
    const { bodyId, role } = event.data;
    if (role === 'chair' || role === 'clinical-lead') {
      await context.manager.delete(RoleVacancy, { bodyId, role });
    }
  }

  private async saveMeeting(
    event: Envelope<'meetings.meeting-scheduled.v1'> | Envelope<'meetings.meeting-rescheduled.v1'>,
    context: EventContext,
  ): Promise<void> {
    const { meetingId, bodyId, title, startsAt } = event.data;
    await context.manager.upsert(
      MeetingView,
      { id: meetingId, bodyId, title, startsAt: new Date(startsAt), cancelled: false },
      ['id'],
    );
  }
}

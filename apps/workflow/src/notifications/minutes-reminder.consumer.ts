import { Controller, Inject } from '@nestjs/common';
import type { EventOf, PlatformEventMap } from '#contracts';
import { BodyView } from '#membership-view';
import { eventHandlerDecorator, type EventContext } from '#messaging';
import { minutesReminder } from './minutes-reminder.js';
import { NotificationPlannerService } from './notification-planner.service.js';

const OnEvent = eventHandlerDecorator<PlatformEventMap>();

/**
 * Reminds a body's secretariat when the meetings service says a held meeting's draft minutes
 * are overdue: a notice, not a case. Keyed by the meeting, so a redelivered event, or a second
 * announcement, reminds no one twice.
 */
@Controller()
export class MinutesReminderConsumer {
  constructor(
    @Inject(NotificationPlannerService) private readonly notices: NotificationPlannerService,
  ) {}

  @OnEvent('meetings.minutes-overdue.v1')
  async minutesOverdue(
    event: EventOf<PlatformEventMap, 'meetings.minutes-overdue.v1'>,
    context: EventContext,
  ): Promise<void> {
    const { bodyId, meetingId } = event.data;
    const body = await context.manager.findOneBy(BodyView, { id: bodyId });
    const { subject, text } = minutesReminder(event.data, body?.name ?? null);
    await this.notices.planBodyNotice(context.manager, {
      audience: 'secretariat',
      bodyId,
      subject,
      text,
      cause: `minutes-overdue/${meetingId}`,
      urgent: false,
    });
  }
}

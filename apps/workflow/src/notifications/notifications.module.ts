import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module.js';
import { DailyDigestProcessor } from './daily-digest.processor.js';
import { DailyDigestService } from './daily-digest.service.js';
import { EmailSenderService } from './email-sender.service.js';
import { InboxController } from './inbox.controller.js';
import { InboxService } from './inbox.service.js';
import { MinutesReminderConsumer } from './minutes-reminder.consumer.js';
import { NotificationDeliveryService } from './notification-delivery.service.js';
import { NotificationPlannerService } from './notification-planner.service.js';

/**
 * Telling people of cases: notices planned in a case's transaction (the planner, which cases
 * use), sent by e-mail or webhook through a queue or held for the daily digest, and the inbox;
 * and reminders to a body's secretariat that are no case (draft minutes overdue).
 */
@Module({
  // The calendar counts a reminder's working days left, for its subject.
  imports: [CalendarModule],
  controllers: [InboxController, MinutesReminderConsumer],
  providers: [
    EmailSenderService,
    InboxService,
    NotificationPlannerService,
    NotificationDeliveryService,
    DailyDigestService,
    DailyDigestProcessor,
  ],
  exports: [NotificationPlannerService],
})
export class NotificationsModule {}

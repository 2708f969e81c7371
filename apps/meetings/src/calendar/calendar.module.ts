import { Module } from '@nestjs/common';
import { CalendarFeedsService } from './calendar-feeds.service.js';
import { CalendarSubscriptionsController } from './calendar-subscriptions.controller.js';
import { CalendarSubscriptionsService } from './calendar-subscriptions.service.js';
import { CalendarController } from './calendar.controller.js';

/** iCalendar feeds of meetings, by bearer token or through a member's subscription URL. */
@Module({
  controllers: [CalendarController, CalendarSubscriptionsController],
  providers: [CalendarFeedsService, CalendarSubscriptionsService],
})
export class CalendarModule {}

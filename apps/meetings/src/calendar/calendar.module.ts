import { Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller.js';

/** iCalendar feeds of meetings, read straight from the meetings and membership tables. */
@Module({
  controllers: [CalendarController],
})
export class CalendarModule {}

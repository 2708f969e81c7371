import { Module } from '@nestjs/common';
import { CalendarService } from './calendar.service.js';

/** The working-day calendar deadlines are counted on, from the editable bank holiday table. */
@Module({
  providers: [CalendarService],
  exports: [CalendarService],
})
export class CalendarModule {}

import { Module } from '@nestjs/common';
import { AllianceNationConsumer } from './alliance-nation.consumer.js';
import { CalendarService } from './calendar.service.js';

/**
 * The working-day calendars deadlines are counted on, one per nation, from the editable bank
 * holiday table, and each alliance's nation (from membership's alliance events) to pick one.
 */
@Module({
  controllers: [AllianceNationConsumer],
  providers: [CalendarService],
  exports: [CalendarService],
})
export class CalendarModule {}

import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module.js';
import { PolicyController } from './policy.controller.js';
import { PolicyService } from './policy.service.js';

/**
 * The escalation policy's versions and the rules it sets (triggers, deadlines); its controller
 * also serves the calendar the deadlines are counted on.
 */
@Module({
  imports: [CalendarModule],
  controllers: [PolicyController],
  providers: [PolicyService],
  exports: [PolicyService],
})
export class PolicyModule {}

import { Module } from '@nestjs/common';
import { AgendaModule } from '../agenda/agenda.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { SchedulingController } from './scheduling.controller.js';
import { SchedulingService } from './scheduling.service.js';

/**
 * Scheduling, rescheduling and cancelling meetings. Apart from meetings/ because a newly
 * scheduled meeting takes the agenda requests waiting for one, in the same transaction: the
 * agenda builds on meetings/, and scheduling on both.
 */
@Module({
  imports: [AgendaModule, MeetingsModule],
  controllers: [SchedulingController],
  providers: [SchedulingService],
})
export class SchedulingModule {}

import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { DeadlineTimersService } from './deadline-timers.service.js';

/** The BullMQ timers that fire case deadlines. */
@Module({
  imports: [CasesModule],
  providers: [DeadlineTimersService],
})
export class TimersModule {}

import { Module } from '@nestjs/common';
import { AppointmentsModule } from '../appointments/appointments.module.js';
import { DailyCheckController } from './daily-check.controller.js';
import { DailyCheckProcessor } from './daily-check.processor.js';
import { MembershipDailyCheckService } from './membership-daily-check.service.js';

/** The daily check of terms ended and ending: on its schedule, or run by an admin. */
@Module({
  imports: [AppointmentsModule],
  controllers: [DailyCheckController],
  providers: [MembershipDailyCheckService, DailyCheckProcessor],
})
export class DailyCheckModule {}

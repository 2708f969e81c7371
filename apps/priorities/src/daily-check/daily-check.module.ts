import { Module } from '@nestjs/common';
import { PathwaysModule } from '../pathways/pathways.module.js';
import { PrioritiesModule } from '../priorities/priorities.module.js';
import { DailyCheckController } from './daily-check.controller.js';
import { DailyCheckProcessor } from './daily-check.processor.js';
import { PrioritiesDailyCheckService } from './priorities-daily-check.service.js';

/** Missed milestones and pathway reviews falling due: on a schedule, and on an admin's request. */
@Module({
  imports: [PrioritiesModule, PathwaysModule],
  controllers: [DailyCheckController],
  providers: [PrioritiesDailyCheckService, DailyCheckProcessor],
})
export class DailyCheckModule {}
